using RelayDesk.Domain.Conversations;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>A conversation as a customer (or any client) sees it. Field names are part of the public API.</summary>
public sealed record ConversationView(Guid Id, string State, int? QueuePosition, string? AssignedAgent);

/// <summary>One transcript line as clients see it.</summary>
public sealed record MessageView(long Seq, string Author, string? AuthorName, string Text, DateTimeOffset SentAt)
{
    public static MessageView From(Message message) => new(
        message.Seq, WireName(message.Author), message.AuthorName, message.Text, message.SentAt);

    public static string WireName(MessageAuthor author) => author.ToString().ToLowerInvariant();
}

public sealed record MessageList(IReadOnlyList<MessageView> Messages);

/// <summary>The acknowledgement of a sent message: its place in the transcript, and whether it was a retry.</summary>
public sealed record MessageAck(long Seq, bool Duplicate);

public static class ConversationStateNames
{
    /// <summary>States travel as lower-case words: assistant, queued, assigned, resolved, closed.</summary>
    public static string ToWire(this ConversationState state) => state.ToString().ToLowerInvariant();
}
