using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RelayDesk.Data;
using RelayDesk.Data.Accounts;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Web.Features.EmailReplies;

/// <summary>
/// Puts an agent's message into the e-mail outbox when the customer chose replies by e-mail and is not in the chat.
/// The mail is added to the same unit of work as the message, so both are stored or neither; the unique
/// (conversation, message) index makes one mail per message at most. A mail relay sends what the outbox holds.
/// </summary>
public sealed class EmailReplyOutbox(RelayDeskDbContext db, CustomerConnections connections, IOptions<EmailReplyOptions> options, TimeProvider clock)
{
    /// <summary>Whether the customer is in the chat on any instance: asked before the conversation command runs.</summary>
    public Task<bool> CustomerInChatAsync(Guid conversationId, CancellationToken cancellationToken) =>
        connections.IsConnectedAsync(conversationId, cancellationToken);

    /// <summary>
    /// Called inside the conversation command, after the agent's message was appended (not for a retried send): the mail
    /// joins the command's transaction through <paramref name="alsoStored"/>.
    /// </summary>
    public void QueueIfAway(Conversation conversation, Message message, bool customerInChat, ICollection<object> alsoStored)
    {
        ArgumentNullException.ThrowIfNull(alsoStored);
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(message);
        if (conversation.EmailReplyTo is null || customerInChat)
        {
            return;
        }

        alsoStored.Add(EmailReplyTexts.Compose(conversation, message, options.Value.ChatPageUrl, clock.GetUtcNow()));
    }

    /// <summary>The masked address a message was e-mailed to, or null when it was not.</summary>
    public async Task<string?> EmailedToAsync(Guid conversationId, long seq, CancellationToken cancellationToken)
    {
        var to = await db.EmailOutbox.AsNoTracking().Where(e => e.ConversationId == conversationId && e.MessageSeq == seq)
            .Select(e => e.To).FirstOrDefaultAsync(cancellationToken);
        return to is null ? null : InvoiceEmail.Mask(to);
    }
}
