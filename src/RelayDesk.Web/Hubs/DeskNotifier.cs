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
    QueueQueries queue,
    AgentQueries agentQueries,
    DeskFeed feed,
    AssistantInbox assistantInbox,
    WaitingRoom waitingRoom,
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
                    or ConversationReturnedToQueue or ConversationTransferred:
                    stateChanged = true;
                    queueChanged |= domainEvent is HumanRequested or ConversationAssigned or ConversationReturnedToQueue
                        || (domainEvent is ConversationClosed && conversation.QueuedAt is not null);
                    break;
            }
        }

        if (stateChanged)
        {
            await customers.Clients.Group(HubGroups.Customer(conversation.Id))
                .ConversationUpdated(await queue.ViewAsync(conversation, cancellationToken));
            await agents.Clients.Group(HubGroups.Watchers(conversation.Id))
                .ConversationUpdated(ConversationSummary.From(conversation));
        }

        if (queueChanged)
        {
            await PublishQueueAsync(conversation.Id, cancellationToken);
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
        await PublishQueueAsync(Guid.Empty, cancellationToken);
        feed.Publish(new DeskChange(Guid.Empty, QueueChanged: true));
    }

    /// <summary>Everyone waiting learns their new place and wait; agents get the new queue.</summary>
    private async Task PublishQueueAsync(Guid changed, CancellationToken cancellationToken)
    {
        var items = await agentQueries.QueueAsync(cancellationToken);
        await agents.Clients.Group(HubGroups.Agents).QueueChanged(items);
        foreach (var view in await waitingRoom.QueuedViewsAsync(cancellationToken))
        {
            if (view.Id != changed)
            {
                await customers.Clients.Group(HubGroups.Customer(view.Id)).ConversationUpdated(view);
            }
        }
    }
}
