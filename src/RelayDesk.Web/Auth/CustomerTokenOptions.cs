namespace RelayDesk.Web.Auth;

/// <summary>How conversation tokens for customers are signed.</summary>
public sealed class CustomerTokenOptions
{
    public const string Section = "CustomerTokens";

    /// <summary>
    /// Base64 HMAC-SHA256 key (at least 32 bytes). All instances of a scaled-out desk must share it. When unset, a key
    /// is generated once and kept in <see cref="KeyFile"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where a generated key is kept, relative to the content root. Default <c>App_Data/customer-token.key</c>.</summary>
    public string KeyFile { get; set; } = "App_Data/customer-token.key";

    /// <summary>How long a conversation token lets the customer come back to the chat. Default 7 days.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}
