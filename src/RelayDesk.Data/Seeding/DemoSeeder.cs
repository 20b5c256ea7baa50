using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace RelayDesk.Data.Seeding;

/// <summary>
/// Creates the demo staff (agent1…agent8, supervisor) once, and on every start sets their password to the one
/// given, so the demo logins printed at start always work.
/// </summary>
public sealed class DemoSeeder(RelayDeskDbContext db, UserManager<AgentUser> users, RoleManager<IdentityRole> roles)
{
    public const int DemoAgentCount = 8;

    private static readonly (string Name, string Skills, string Languages)[] Agents =
    [
        ("Anna Becker", "payments,returns,hardship", "de,en"),
        ("Ben Wagner", "payments,returns", "de,en"),
        ("Clara Schmidt", "payments,returns,disputes", "de"),
        ("David Hoffmann", "fraud,disputes,payments", "de,en"),
        ("Emma Fischer", "hardship,complaints,payments", "de"),
        ("Felix Weber", "payments,returns", "en"),
        ("Greta Schulz", "fraud,payments", "de"),
        ("Jonas Meyer", "disputes,complaints,returns", "de,en"),
    ];

    public static IReadOnlyList<string> DemoLogins { get; } =
        [.. Enumerable.Range(1, DemoAgentCount).Select(i => $"agent{i}@demo.local"), "supervisor@demo.local"];

    public async Task SeedAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        for (var i = 1; i <= DemoAgentCount; i++)
        {
            var (name, skills, languages) = Agents[i - 1];
            await EnsureUserAsync($"agent{i}@demo.local", name, skills, languages, password, [Roles.Agent]);
        }

        await EnsureUserAsync("supervisor@demo.local", "Sophie Krüger", "payments,returns,disputes,hardship,fraud,complaints", "de,en", password, [Roles.Agent, Roles.Supervisor]);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureUserAsync(string email, string displayName, string skills, string languages, string password, string[] userRoles)
    {
        var user = await users.Users.SingleOrDefaultAsync(u => u.Email == email);
        if (user is null)
        {
            user = new AgentUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Skills = skills, Languages = languages };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRolesAsync(user, userRoles));
            return;
        }

        user.Skills = skills;
        user.Languages = languages;
        Check(await users.UpdateAsync(user));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
