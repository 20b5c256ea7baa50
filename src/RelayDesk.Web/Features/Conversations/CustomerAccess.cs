using System.Security.Claims;
using RelayDesk.Web.Auth;

namespace RelayDesk.Web.Features.Conversations;

internal static class CustomerAccess
{
    /// <summary>
    /// A customer token opens exactly one conversation. Any other id is reported as not found, so tokens cannot be
    /// used to learn which conversations exist.
    /// </summary>
    public static Guid EnsureOwn(ClaimsPrincipal user, Guid id) =>
        CustomerTokens.ConversationOf(user) == id ? id : throw new ConversationNotFoundException(id);

    public static Guid Own(ClaimsPrincipal user) =>
        CustomerTokens.ConversationOf(user) ?? throw new InvalidOperationException("Customer token has no conversation.");
}
