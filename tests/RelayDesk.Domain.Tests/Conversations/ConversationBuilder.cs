using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Domain.Tests.Conversations;

/// <summary>Builds conversations in a given state through the aggregate's own transitions.</summary>
internal sealed class ConversationBuilder
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private string _language = "en";
    private ConversationState _state = ConversationState.Assistant;
    private string _agentId = "agent-1";

    public ConversationBuilder InLanguage(string language)
    {
        _language = language;
        return this;
    }

    public ConversationBuilder In(ConversationState state)
    {
        _state = state;
        return this;
    }

    public ConversationBuilder AssignedTo(string agentId)
    {
        _agentId = agentId;
        return this;
    }

    public Conversation Build()
    {
        var conversation = Conversation.Start(Guid.NewGuid(), _language, null, T0);
        conversation.Append(MessageAuthor.Assistant, "Hello!", T0);
        if (_state == ConversationState.Assistant)
        {
            return conversation;
        }

        if (_state == ConversationState.Closed)
        {
            conversation.Close(T0.AddMinutes(5));
            return conversation;
        }

        conversation.RequestHuman(EscalationDecision.Button, T0.AddMinutes(1));
        if (_state == ConversationState.Queued)
        {
            return conversation;
        }

        conversation.Assign(_agentId, "Anna", T0.AddMinutes(2));
        if (_state == ConversationState.Assigned)
        {
            return conversation;
        }

        conversation.Resolve(_agentId, T0.AddMinutes(3));
        return conversation;
    }
}
