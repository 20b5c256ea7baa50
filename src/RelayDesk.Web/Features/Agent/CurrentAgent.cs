using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using RelayDesk.Data;

namespace RelayDesk.Web.Features.Agent;

/// <summary>The signed-in staff member behind a request, hub call or workspace circuit.</summary>
public sealed record StaffMember(string Id, string DisplayName);

public sealed class CurrentAgent(UserManager<AgentUser> users)
{
    public async Task<StaffMember> ResolveAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal)
            ?? throw new UnauthorizedAccessException("Sign in as an agent first.");
        return new StaffMember(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName);
    }
}
