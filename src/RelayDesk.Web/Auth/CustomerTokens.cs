using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RelayDesk.Web.Auth;

/// <summary>
/// Issues the signed token that lets an (anonymous) customer use exactly one conversation. It is a JWT so that HTTP
/// and SignalR validate it with the standard bearer handler.
/// </summary>
public sealed class CustomerTokens(SymmetricSecurityKey key, CustomerTokenOptions options, TimeProvider clock)
{
    public const string Scheme = "CustomerToken";
    public const string Issuer = "relaydesk";
    public const string Audience = "relaydesk-customer";
    public const string ConversationClaim = "conv";

    /// <summary>The customer number a signed-in customer's token carries.</summary>
    public const string CustomerClaim = "cust";

    /// <summary>Issuer of the demo customers' login tokens: accepted in Development only (a real identity provider issues them in production).</summary>
    public const string DevelopmentIssuer = "relaydesk-development";

    public SymmetricSecurityKey Key => key;

    public string Issue(Guid conversationId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Lifetime,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, $"conversation:{conversationId:D}"),
                new Claim(ConversationClaim, conversationId.ToString("D")),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A signed-in customer's token (development issuer): lets them read their account and start linked chats.</summary>
    public string IssueForCustomer(string customerNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerNumber);
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = DevelopmentIssuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Lifetime,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, $"customer:{customerNumber}"),
                new Claim(CustomerClaim, customerNumber),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The signed-in customer of a validated principal, or null (anonymous, or a conversation token).</summary>
    public static string? CustomerOf(ClaimsPrincipal user) => user.FindFirst(CustomerClaim)?.Value is { Length: > 0 } id ? id : null;

    /// <summary>The conversation a validated customer principal may use, or null.</summary>
    public static Guid? ConversationOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ConversationClaim)?.Value, out var id) ? id : null;

    /// <summary>Reads the configured key, or creates and keeps one for this installation.</summary>
    public static SymmetricSecurityKey LoadKey(CustomerTokenOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return Checked(Convert.FromBase64String(options.SigningKey));
        }

        var path = Path.GetFullPath(options.KeyFile, contentRoot);
        if (!File.Exists(path))
        {
            // Written whole under another name, then moved into place without overwriting: instances starting at once
            // on a shared folder end up with the one key that landed first, and nobody reads a half-written file.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first; use theirs.
            }
            finally
            {
                File.Delete(temp);
            }
        }

        return Checked(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    private static SymmetricSecurityKey Checked(byte[] bytes) => bytes.Length >= 32
        ? new SymmetricSecurityKey(bytes)
        : throw new InvalidOperationException("CustomerTokens:SigningKey must be at least 32 bytes (base64).");
}
