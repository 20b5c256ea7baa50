using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RelayDesk.Web.Infrastructure;

/// <summary>
/// <c>Database:SqliteSynchronous=Normal</c>: sets <c>PRAGMA synchronous=NORMAL</c> on every connection as it opens (the
/// setting belongs to the connection). In WAL mode a commit then survives the process being killed, not a power cut.
/// </summary>
internal sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    public static SqliteSynchronousNormal Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
