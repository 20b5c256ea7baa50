using Microsoft.AspNetCore.Identity;

namespace RelayDesk.Data;

/// <summary>A staff member who signs in to the workspace: an agent, supervisor or admin.</summary>
public sealed class AgentUser : IdentityUser
{
    /// <summary>The name customers see when this person joins a chat.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Topics this person is qualified for, comma-separated (payments, returns, disputes, hardship, fraud, complaints).</summary>
    public string Skills { get; set; } = string.Empty;

    /// <summary>Languages this person serves customers in, comma-separated two-letter codes.</summary>
    public string Languages { get; set; } = "de,en";

    public IReadOnlyList<string> SkillList => Split(Skills);

    public IReadOnlyList<string> LanguageList => Split(Languages);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
