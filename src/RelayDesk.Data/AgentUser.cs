using Microsoft.AspNetCore.Identity;

namespace RelayDesk.Data;

/// <summary>A staff member who signs in to the workspace: an agent, supervisor or admin.</summary>
public sealed class AgentUser : IdentityUser
{
    /// <summary>The name customers see when this person joins a chat.</summary>
    public string DisplayName { get; set; } = string.Empty;
}
