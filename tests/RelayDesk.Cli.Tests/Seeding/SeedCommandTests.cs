using Microsoft.Data.Sqlite;

namespace RelayDesk.Cli.Tests.Seeding;

public sealed class SeedCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "relaydesk-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Seed_CreatesTheSchemaAndTheDemoStaff_AndCanRunTwice()
    {
        var database = Path.Combine(_folder, "seeded.db");

        var first = await CliRunner.RunAsync("seed", "--database", database, "--password", "Seed-Pass-123!");
        var second = await CliRunner.RunAsync("seed", "--database", database, "--password", "Seed-Pass-456!");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AspNetUsers WHERE Email LIKE '%@demo.local'";
        Assert.Equal(9L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Seed_WithoutAPassword_IsRefused()
    {
        var result = await CliRunner.RunAsync("seed", "--database", Path.Combine(_folder, "x.db"));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--password", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
