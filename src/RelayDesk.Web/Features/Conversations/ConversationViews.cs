using RelayDesk.Domain.Conversations;

namespace RelayDesk.Web.Features.Conversations;

/// <summary>
/// A conversation as a customer (or any client) sees it. Field names are part of the public API. While queued: the
/// place among those waiting for the same people, the wait as a range in seconds (null when nobody qualified is on
/// shift), a callback offer when the wait is long or nobody is there, and the booked callback time.
/// </summary>
public sealed record ConversationView(
    Guid Id,
    string State,
    int? QueuePosition,
    string? AssignedAgent,
    int? EtaMinSeconds = null,
    int? EtaMaxSeconds = null,
    CallbackOffer? CallbackOffer = null,
    DateTimeOffset? CallbackAt = null,
    EmailReplyView? EmailReply = null);

/// <summary>
/// Instead of a dead end: callback slots in the next business hours, or keeping the place in the queue.
/// <paramref name="Reason"/>: <c>out_of_hours</c>, <c>no_agent_on_shift</c> or <c>long_wait</c>.
/// </summary>
public sealed record CallbackOffer(string Reason, DateTimeOffset? PeopleBackAt, IReadOnlyList<CallbackSlotView> Slots, bool KeepPlace);

public sealed record CallbackSlotView(DateTimeOffset Start, DateTimeOffset End);

/// <summary>One transcript line as clients see it.</summary>
public sealed record MessageView(long Seq, string Author, string? AuthorName, string Text, DateTimeOffset SentAt)
{
    public static MessageView From(Message message) => new(
        message.Seq, WireName(message.Author), message.AuthorName, message.Text, message.SentAt);

    public static string WireName(MessageAuthor author) => author.ToString().ToLowerInvariant();
}

public sealed record MessageList(IReadOnlyList<MessageView> Messages);

/// <summary>
/// The acknowledgement of a sent message: its place in the transcript, whether it was a retry, and for an agent's
/// message the (masked) address it was e-mailed to when the customer chose replies by e-mail and was away.
/// </summary>
public sealed record MessageAck(long Seq, bool Duplicate, string? EmailedTo = null);

/// <summary>The customer chose "keep my place and reply by e-mail": the address, masked.</summary>
public sealed record EmailReplyView(string To)
{
    public static EmailReplyView? Of(Conversation conversation) =>
        conversation.EmailReplyTo is { } to ? new EmailReplyView(RelayDesk.Data.Accounts.InvoiceEmail.Mask(to)) : null;

    public static EmailReplyView? Of(string? to) => to is null ? null : new EmailReplyView(RelayDesk.Data.Accounts.InvoiceEmail.Mask(to));
}

public static class ConversationStateNames
{
    /// <summary>States travel as lower-case words: assistant, queued, assigned, resolved, closed.</summary>
    public static string ToWire(this ConversationState state) => state.ToString().ToLowerInvariant();
}
