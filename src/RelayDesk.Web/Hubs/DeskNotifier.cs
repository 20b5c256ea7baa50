using Microsoft.AspNetCore.SignalR;
using RelayDesk.Domain;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Agent;
using RelayDesk.Web.Features.AssistantTurns;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Features.Routing;

namespace RelayDesk.Web.Hubs;

/// <summary>
/// Turns committed domain events into side effects: pushes to customers and agents, and the assistant's next turn.
/// Runs only after the transaction commits, so nobody is told about something that was not stored. Changes committed
/// together are published together: one routing picture, one queue push and one new place for each waiting customer
/// however many conversations changed.
/// </summary>
public sealed class DeskNotifier(
    IHubContext<CustomerHub, ICustomerClient> customers,
    IHubContext<AgentHub, IAgentClient> agents,
    AgentQueries agentQueries,
    DeskFeed feed,
    AssistantInbox assistantInbox,
    RecentTranscripts recentTranscripts,
    WaitingRoom waitingRoom,
    RoutingPictureLoader routingPicture,
    RoutingSignal routing,
    QueueBroadcast queueBroadcast)
{
    public async Task PublishAsync(IReadOnlyList<CommittedChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var queueChanged = false;
        var stateChanged = new Dictionary<Guid, Conversation>();
        var feedChanges = new List<DeskChange>(changes.Count);
        foreach (var change in changes)
        {
            var conversation = change.Conversation;
            var queueChangedHere = false;
            foreach (var domainEvent in change.Events)
            {
                switch (domainEvent)
                {
                    case MessageAppended appended:
                        var view = MessageView.From(conversation.Messages.First(m => m.Seq == appended.Seq));
                        await customers.Clients.Group(HubGroups.Customer(conversation.Id)).Message(view);
                        await agents.Clients.Group(HubGroups.Watchers(conversation.Id)).Message(conversation.Id, view);
                        break;
                    case HumanRequested or ConversationAssigned or ConversationResolved or ConversationClosed
                        or ConversationReturnedToQueue or ConversationTransferred or EmailReplyChosen or ConversationHandedToTeam:
                        stateChanged[conversation.Id] = conversation;
                        queueChangedHere |= domainEvent is HumanRequested or ConversationAssigned or ConversationReturnedToQueue or ConversationHandedToTeam
                            || (domainEvent is ConversationClosed && conversation.QueuedAt is not null);
                        break;
                }
            }

            recentTranscripts.Record(change);
            if (change.Turn is { } turn)
            {
                assistantInbox.Post(conversation.Id, turn);
            }

            queueChanged |= queueChangedHere;
            feedChanges.Add(new DeskChange(conversation.Id, queueChangedHere));
        }

        // One routing picture for the views of the conversations that changed; everyone else's place comes with the next
        // queue broadcast.
        var picture = stateChanged.Count > 0 ? await routingPicture.LoadAsync(cancellationToken) : null;
        foreach (var conversation in stateChanged.Values)
        {
            await customers.Clients.Group(HubGroups.Customer(conversation.Id))
                .ConversationUpdated(waitingRoom.View(picture!, conversation));
            await agents.Clients.Group(HubGroups.Watchers(conversation.Id))
                .ConversationUpdated(ConversationSummary.From(conversation));
        }

        if (queueChanged)
        {
            queueBroadcast.Request();
        }

        if (stateChanged.Count > 0)
        {
            routing.Poke(); // Capacity freed or a case joined the queue: routing looks again.
        }

        foreach (var change in feedChanges)
        {
            feed.Publish(change);
        }
    }

    /// <summary>Routing changed the picture (offers, presence, callbacks due): agents and waiting customers learn it.</summary>
    public Task PublishRoutingChangeAsync(CancellationToken cancellationToken)
    {
        queueBroadcast.Request();
        feed.Publish(new DeskChange(Guid.Empty, QueueChanged: true));
        return Task.CompletedTask;
    }

    /// <summary>Everyone waiting learns their place and wait; agents get the queue (run by <see cref="QueueBroadcast"/>).</summary>
    public async Task PublishQueueNowAsync(CancellationToken cancellationToken)
    {
        var picture = await routingPicture.LoadAsync(cancellationToken);
        var items = await agentQueries.QueueAsync(cancellationToken, picture);
        await agents.Clients.Group(HubGroups.Agents).QueueChanged(items);
        foreach (var view in await waitingRoom.QueuedViewsAsync(picture, cancellationToken))
        {
            await customers.Clients.Group(HubGroups.Customer(view.Id)).ConversationUpdated(view);
        }
    }
}
