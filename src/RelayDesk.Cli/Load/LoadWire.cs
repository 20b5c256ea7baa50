namespace RelayDesk.Cli.Load;

// The public API's shapes as the load client reads and writes them (README: "Public HTTP API", "SignalR hubs").
// They are declared here rather than shared with RelayDesk.Web on purpose: the tool tests the wire contract, not the
// server's types, and must keep building while the server's pipeline changes.

internal sealed record StartRequest(string Language);

internal sealed record StartedConversation(Guid Id, string Token, string State);

internal sealed record MessageView(long Seq, string Author, string? AuthorName, string Text, DateTimeOffset SentAt);

internal sealed record MessageList(IReadOnlyList<MessageView> Messages);

internal sealed record ConversationState(Guid Id, string State);

internal sealed record JoinResult(ConversationState Conversation, IReadOnlyList<MessageView> Messages);

internal sealed record Ack(long Seq, bool Duplicate);

internal sealed record LoginRequest(string Email, string Password);

internal sealed record LoginResponse(string AccessToken);

internal sealed record OfferView(Guid Id, Guid ConversationId);

internal sealed record OfferList(IReadOnlyList<OfferView> Offers);

internal sealed record AgentConversation(Guid Id, string? Language);

/// <summary>The hub method and event names. Events are registered under both spellings: see <see cref="HubNames.Both"/>.</summary>
internal static class HubNames
{
    public const string CustomerHub = "/hubs/customer";
    public const string AgentHub = "/hubs/agent";
    public const string Message = "message";
    public const string ConversationUpdated = "conversationUpdated";
    public const string Offered = "offered";

    /// <summary>
    /// The documented lower-case event name and the PascalCase one the server pushed before (the .NET client matches
    /// handler names case-sensitively); handlers de-duplicate, so a server sending either works.
    /// </summary>
    public static IEnumerable<string> Both(string name) => [name, char.ToUpperInvariant(name[0]) + name[1..]];

    public static class Authors
    {
        public const string Customer = "customer";
        public const string Assistant = "assistant";
        public const string System = "system";
        public const string Agent = "agent";
    }
}
