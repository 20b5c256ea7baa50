using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Data.Tests.Migrations;

public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"relaydesk-data-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Migrations_CoverTheWholeModel()
    {
        await using var db = NewContext();

        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Upgrading_NumbersTheBookedCallbacksOfASlot_SoEachPlaceIsHeldOnce()
    {
        await using var db = NewContext();
        await db.GetService<IMigrator>().MigrateAsync("Teams");
        var slot = (long)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero))!;
        foreach (var (id, status) in new[] { ("A", "Booked"), ("B", "Booked"), ("C", "Cancelled"), ("D", "Booked") })
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO callback_bookings (Id, ConversationId, SlotStart, BookedAt, Status) VALUES ({id}, {Guid.NewGuid()}, {slot}, {slot}, {status})");
        }

        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        var places = await db.CallbackBookings.AsNoTracking().Where(b => b.Status == RelayDesk.Data.Routing.CallbackStatus.Booked)
            .Select(b => b.Place).ToListAsync();
        Assert.Equal([0, 1, 2], places.Order());
    }

    [Fact]
    public async Task Migrate_SwitchesSqliteToWriteAheadLogging()
    {
        await using var db = NewContext();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task AConversation_RoundTripsWithItsTranscriptInOrder()
    {
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
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

        Assert.Equal(ConversationState.Queued, loaded.State);
        Assert.Equal(now.AddSeconds(4), loaded.QueuedAt);
        Assert.Equal(["Hallo!", "Mensch bitte"], loaded.Messages.OrderBy(m => m.Seq).Select(m => m.Text));
        Assert.Equal("c-1", loaded.Messages.Single(m => m.Seq == 2).ClientMessageId);
    }

    [Fact]
    public async Task TheDatabase_RefusesASecondMessageWithTheSameClientId()
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid();
        await using (var db = NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            var conversation = Conversation.Start(id, "en", null, now);
            conversation.Append(MessageAuthor.Customer, "hi", now, "same");
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
        }

        await using var other = NewContext();
        var reloaded = await other.Conversations.SingleAsync(c => c.Id == id);
        reloaded.Append(MessageAuthor.Customer, "hi again", now, "same");

        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
    }

    private RelayDeskDbContext NewContext() =>
        new(new DbContextOptionsBuilder<RelayDeskDbContext>().UseSqlite($"Data Source={_path}").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
