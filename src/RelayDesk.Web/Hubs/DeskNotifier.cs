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
/// Runs only after the transaction commits, so nobody is told about something that was not stored.
/// </summary>
public sealed class DeskNotifier(
    IHubContext<CustomerHub, ICustomerClient> customers,
    IHubContext<AgentHub, IAgentClient> agents,
    AgentQueries agentQueries,
    DeskFeed feed,
    AssistantInbox assistantInbox,
    WaitingRoom waitingRoom,
    RoutingPictureLoader routingPicture,
    RoutingSignal routing)
{
    public async Task PublishAsync(Conversation conversation, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var queueChanged = false;
        var stateChanged = false;
        foreach (var domainEvent in events)
        {
            switch (domainEvent)
            {
                case MessageAppended appended:
                    var message = conversation.Messages.Single(m => m.Seq == appended.Seq);
                    var view = MessageView.From(message);
                    await customers.Clients.Group(HubGroups.Customer(conversation.Id)).Message(view);
                    await agents.Clients.Group(HubGroups.Watchers(conversation.Id)).Message(conversation.Id, view);
                    if (message.Author == MessageAuthor.Customer && conversation.State == ConversationState.Assistant)
                    {
                        assistantInbox.Post(conversation.Id);
                    }

                    break;
                case HumanRequested or ConversationAssigned or ConversationResolved or ConversationClosed
                    or ConversationReturnedToQueue or ConversationTransferred or EmailReplyChosen or ConversationHandedToTeam:
                    stateChanged = true;
                    queueChanged |= domainEvent is HumanRequested or ConversationAssigned or ConversationReturnedToQueue or ConversationHandedToTeam
                        || (domainEvent is ConversationClosed && conversation.QueuedAt is not null);
                    break;
            }
        }

        // One routing picture for everything this change pushes (the customer's own view, the queue, everyone's wait).
        var picture = stateChanged || queueChanged ? await routingPicture.LoadAsync(cancellationToken) : null;
        if (stateChanged)
        {
            await customers.Clients.Group(HubGroups.Customer(conversation.Id))
                .ConversationUpdated(waitingRoom.View(picture!, conversation));
            await agents.Clients.Group(HubGroups.Watchers(conversation.Id))
                .ConversationUpdated(ConversationSummary.From(conversation));
        }

        if (queueChanged)
        {
            await PublishQueueAsync(conversation.Id, picture!, cancellationToken);
        }

        if (stateChanged)
        {
            routing.Poke(); // Capacity freed or a case joined the queue: routing looks again.
        }

        feed.Publish(new DeskChange(conversation.Id, queueChanged));
    }

    /// <summary>Routing changed the picture (offers, presence, callbacks due): agents and waiting customers learn it.</summary>
    public async Task PublishRoutingChangeAsync(CancellationToken cancellationToken)
    {
        await PublishQueueAsync(Guid.Empty, await routingPicture.LoadAsync(cancellationToken), cancellationToken);
        feed.Publish(new DeskChange(Guid.Empty, QueueChanged: true));
    }

    /// <summary>Everyone waiting learns their new place and wait; agents get the new queue.</summary>
    private async Task PublishQueueAsync(Guid changed, RoutingPicture picture, CancellationToken cancellationToken)
    {
        var items = await agentQueries.QueueAsync(cancellationToken, picture);
        await agents.Clients.Group(HubGroups.Agents).QueueChanged(items);
        foreach (var view in await waitingRoom.QueuedViewsAsync(picture, cancellationToken))
        {
            if (view.Id != changed)
            {
                await customers.Clients.Group(HubGroups.Customer(view.Id)).ConversationUpdated(view);
            }
        }
    }
}
