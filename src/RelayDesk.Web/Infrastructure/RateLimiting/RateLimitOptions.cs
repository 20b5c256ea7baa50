namespace RelayDesk.Web.Infrastructure.RateLimiting;

/// <summary>
/// Abuse protection: how often the public endpoints, the customer hub and staff may be called, and how large a customer's
/// request may be. The defaults are far above what a person does (a customer types a few messages a minute), so only
/// scripts and floods are refused — with 429 and <c>Retry-After</c> on HTTP, a readable error on the hub.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Switches every limit here off (e.g. for a load test on a private desk). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>New chats per client IP address (<c>POST /api/v1/conversations</c>). Default 60 per minute.</summary>
    public RateLimitRule ConversationStarts { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Writes per conversation token over HTTP: messages, requests for a person, callback bookings and the e-mail choice.
    /// Default 60 per minute.
    /// </summary>
    public RateLimitRule ConversationWrites { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Demo customer tokens per client IP address (development desks only). Default 30 per minute.</summary>
    public RateLimitRule DemoTokens { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// Calls per customer-hub connection (everything but <c>Join</c>, which a reconnecting widget calls once).
    /// Default 30 per 10 seconds.
    /// </summary>
    public RateLimitRule HubMessages { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromSeconds(10) };

    /// <summary>API calls per signed-in staff member (agents, supervisors, admins). Default 1,200 per minute.</summary>
    public RateLimitRule Staff { get; set; } = new() { PermitLimit = 1200, Window = TimeSpan.FromMinutes(1) };

    /// <summary>
    /// The largest hub message a customer may send, in bytes; a larger one closes the connection. Default 32 KB — a
    /// message at the text limit (4,000 characters) stays under 25 KB even with every character JSON-escaped, so a
    /// person is always answered with the readable "too long" error instead.
    /// </summary>
    public long CustomerHubMaximumReceiveMessageSize { get; set; } = 32 * 1024;

    /// <summary>The largest request body the customer endpoints accept, in bytes (413 above it). Default 64 KB.</summary>
    public long CustomerRequestBodyLimit { get; set; } = 64 * 1024;

    internal bool IsValid() =>
        new[] { ConversationStarts, ConversationWrites, DemoTokens, HubMessages, Staff }.All(r => r is not null && r.IsValid())
        && CustomerHubMaximumReceiveMessageSize >= 8 * 1024 && CustomerRequestBodyLimit >= 8 * 1024;
}

/// <summary>At most <see cref="PermitLimit"/> calls in each <see cref="Window"/> (a fixed window; no queueing).</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    internal bool IsValid() => PermitLimit > 0 && Window > TimeSpan.Zero;
}
