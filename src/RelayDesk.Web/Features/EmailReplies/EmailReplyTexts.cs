using RelayDesk.Data.Accounts;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Web.Features.EmailReplies;

/// <summary>What the customer reads about replies by e-mail, and the mail itself, in German and English.</summary>
internal static class EmailReplyTexts
{
    public static string Chosen(string language, string email) => language == "de"
        ? $"Ihr Platz bleibt erhalten. Solange Sie nicht im Chat sind, schicken wir Antworten unseres Teams an {InvoiceEmail.Mask(email)}."
        : $"You keep your place. While you're away from the chat, we'll e-mail our team's replies to {InvoiceEmail.Mask(email)}.";

    /// <summary>The outbox mail for one agent message: who wrote, what they wrote, and the way back to the chat.</summary>
    public static OutboundEmail Compose(Conversation conversation, Message message, Uri chatPage, DateTimeOffset now)
    {
        var german = conversation.Language == "de";
        var agent = string.IsNullOrWhiteSpace(message.AuthorName) ? (german ? "Unser Team" : "Our team") : message.AuthorName;
        var link = new Uri(chatPage, $"?conversation={conversation.Id:N}");
        var body = german
            ? $"""
              Hallo,

              {agent} hat Ihnen im Chat geantwortet:

              {message.Text}

              Zurück zum Chat (Ihr Platz bleibt erhalten): {link}

              Bitte antworten Sie im Chat, nicht auf diese E-Mail.
              """
            : $"""
              Hello,

              {agent} replied to you in the chat:

              {message.Text}

              Back to the chat (you keep your place): {link}

              Please reply in the chat, not to this e-mail.
              """;
        return new OutboundEmail
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = conversation.CustomerId ?? string.Empty,
            To = conversation.EmailReplyTo!,
            Subject = german ? "Neue Antwort auf Ihre Anfrage" : "A new reply to your request",
            Body = body,
            ConversationId = conversation.Id,
            MessageSeq = message.Seq,
            QueuedAt = now,
        };
    }
}
