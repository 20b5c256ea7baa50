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

    private static readonly string[] AgentNames = ["Anna Becker", "Ben Wagner", "Clara Schmidt", "David Hoffmann", "Emma Fischer", "Felix Weber", "Greta Schulz", "Jonas Meyer"];

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
            await EnsureUserAsync($"agent{i}@demo.local", AgentNames[i - 1], password, [Roles.Agent]);
        }

        await EnsureUserAsync("supervisor@demo.local", "Sophie Krüger", password, [Roles.Agent, Roles.Supervisor]);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureUserAsync(string email, string displayName, string password, string[] userRoles)
    {
        var user = await users.Users.SingleOrDefaultAsync(u => u.Email == email);
        if (user is null)
        {
            user = new AgentUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRolesAsync(user, userRoles));
            return;
        }

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
