namespace RelayDesk.Web.Features.Conversations;

/// <summary>The conversation does not exist, or the caller may not see it (the two are not told apart).</summary>
public sealed class ConversationNotFoundException(Guid id) : Exception($"Conversation {id} was not found.")
{
    public Guid ConversationId { get; } = id;
}
