using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Data;

namespace RelayDesk.Web.Tests.Infrastructure;

public sealed class SqliteSynchronousTests
{
    [Fact]
    public async Task By_default_every_commit_is_flushed_to_the_disk()
    {
        using var factory = new RelayDeskFactory();
        Assert.Equal(2, await SynchronousAsync(factory)); // FULL
    }

    [Fact]
    public async Task Normal_is_set_on_every_connection_when_chosen()
    {
        using var factory = new RelayDeskFactory { Settings = new Dictionary<string, string?> { ["Database:SqliteSynchronous"] = "Normal" } };
        Assert.Equal(1, await SynchronousAsync(factory)); // NORMAL
        Assert.Equal(1, await SynchronousAsync(factory)); // and again on the next connection
    }

    private static async Task<long> SynchronousAsync(RelayDeskFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
