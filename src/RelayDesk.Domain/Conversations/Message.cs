namespace RelayDesk.Domain.Conversations;

/// <summary>One line of a transcript. Immutable once appended; ordered by <see cref="Seq"/> within its conversation.</summary>
public sealed class Message
{
    /// <summary>The longest text a single message may carry.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The longest client message id accepted; ids are usually UUIDs.</summary>
    public const int MaxClientMessageIdLength = 64;

    private Message()
    {
        Text = string.Empty;
    }

    internal Message(Guid conversationId, long seq, string? clientMessageId, MessageAuthor author, string? authorId,
        string? authorName, string text, DateTimeOffset sentAt)
    {
        ConversationId = conversationId;
        Seq = seq;
        ClientMessageId = clientMessageId;
        Author = author;
        AuthorId = authorId;
        AuthorName = authorName;
        Text = text;
        SentAt = sentAt;
    }

    public long Id { get; private set; }

    public Guid ConversationId { get; private set; }

    /// <summary>1-based, gap-free position within the conversation; clients resume from the last one they saw.</summary>
    public long Seq { get; private set; }

    /// <summary>The sender's own id for this message, so a retried send is recognised and stored once.</summary>
    public string? ClientMessageId { get; private set; }

    public MessageAuthor Author { get; private set; }

    /// <summary>Who wrote it: the agent's user id for agent messages; null for the customer and the assistant.</summary>
    public string? AuthorId { get; private set; }

    /// <summary>The name shown to the other side (an agent's display name).</summary>
    public string? AuthorName { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}
