using Microsoft.EntityFrameworkCore;
using Npgsql;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Data.Tests.Migrations;

/// <summary>
/// The PostgreSQL migrations on a real server: <c>RELAYDESK_TEST_POSTGRES</c>, by default the one <c>.ci/run</c>
/// installs and starts on loopback. Each test gets an empty database of its own, dropped afterwards.
/// </summary>
public sealed class PostgreSqlMigrationTests : IDisposable
{
    private static readonly string Server =
        Environment.GetEnvironmentVariable("RELAYDESK_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : "Host=127.0.0.1;Port=5432;Username=relaydesk;Password=relaydesk";

    private readonly string _database = $"relaydesk_t_{Guid.NewGuid():N}";

    public PostgreSqlMigrationTests()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString());
            connection.Open();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var where = new NpgsqlConnectionStringBuilder(Server) { Password = null }.ToString();
            throw new InvalidOperationException(
                $"PostgreSQL not reachable at {where} ({e.Message}): `bash .ci/run` installs and starts it, or set RELAYDESK_TEST_POSTGRES.", e);
        }
    }

    [Fact]
    public async Task Migrations_CreateTheDatabase_AndCoverTheWholeModel()
    {
        await using var db = NewContext();

        await using (await DatabaseMigrator.LockForStartupAsync(db, CancellationToken.None))
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        }

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run dotnet ef migrations add --context PostgreSqlRelayDeskDbContext.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(["InitialCreate"], db.Database.GetAppliedMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]));
    }

    [Fact]
    public async Task AConversation_RoundTripsWithItsTranscript_TimesInUtc()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var conversation = Conversation.Start(Guid.NewGuid(), "de", null, now);
        conversation.Append(MessageAuthor.Assistant, "Hallo!", now);
        conversation.Append(MessageAuthor.Customer, "Mensch bitte", now.AddSeconds(3), "c-1");
        conversation.RequestHuman(RelayDesk.Domain.Escalation.EscalationDecision.Button, now.AddSeconds(4));
        await using (var db = NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
        }

        await using var reader = NewContext();
        var loaded = await reader.Conversations.Include(c => c.Messages).SingleAsync(c => c.Id == conversation.Id);
        var queued = await reader.Conversations.Where(c => c.QueuedAt >= now).OrderBy(c => c.QueuedAt).Select(c => c.Id).ToListAsync();

        Assert.Equal(ConversationState.Queued, loaded.State);
        Assert.Equal(now.AddSeconds(4), loaded.QueuedAt);
        Assert.Equal(TimeSpan.Zero, loaded.QueuedAt!.Value.Offset);
        Assert.Equal([conversation.Id], queued);
        Assert.Equal(["Hallo!", "Mensch bitte"], loaded.Messages.OrderBy(m => m.Seq).Select(m => m.Text));
    }

    [Fact]
    public async Task AStaleWriteOfAConversation_IsRefused()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await using (var db = NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            var conversation = Conversation.Start(id, "en", null, now);
            conversation.RequestHuman(RelayDesk.Domain.Escalation.EscalationDecision.Button, now);
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
        }

        await using var first = NewContext();
        await using var second = NewContext();
        var a = await first.Conversations.SingleAsync(c => c.Id == id);
        var b = await second.Conversations.SingleAsync(c => c.Id == id);
        a.Append(MessageAuthor.Customer, "one", now, "x-1");
        b.Append(MessageAuthor.Customer, "two", now, "x-2");
        await first.SaveChangesAsync();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    private PostgreSqlRelayDeskDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PostgreSqlRelayDeskDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ToString()).Options);

    public void Dispose()
    {
        using (var pooled = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ToString()))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ToString());
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
