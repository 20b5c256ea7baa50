using System.ComponentModel.DataAnnotations;

namespace RelayDesk.Web.Infrastructure;

/// <summary>Where RelayDesk keeps its data.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string Sqlite = "Sqlite";

    public const string PostgreSql = "PostgreSQL";

    /// <summary>
    /// The database engine: <c>Sqlite</c> (default; one instance on a local file) or <c>PostgreSQL</c> (several
    /// instances on one database; needs <c>ConnectionStrings:RelayDesk</c>).
    /// </summary>
    [AllowedValues(Sqlite, PostgreSql)]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// The SQLite file, relative to the app's content root unless absolute. Default <c>App_Data/relaydesk.db</c>.
    /// Ignored when the connection string <c>ConnectionStrings:RelayDesk</c> is set.
    /// </summary>
    [Required]
    public string Path { get; set; } = "App_Data/relaydesk.db";

    public const string SynchronousFull = "Full";

    public const string SynchronousNormal = "Normal";

    /// <summary>
    /// SQLite's <c>synchronous</c> setting. <c>Full</c> (default): every commit is flushed to the disk before it is
    /// acknowledged — nothing acknowledged is lost even if the machine loses power. <c>Normal</c>: commits reach the
    /// operating system at once and the disk at the next checkpoint — still nothing lost when the process is killed
    /// (even <c>kill -9</c>), but a power cut or an operating-system crash may lose the last moments; in exchange a
    /// commit costs a fraction of the time.
    /// </summary>
    [AllowedValues(SynchronousFull, SynchronousNormal)]
    public string SqliteSynchronous { get; set; } = SynchronousFull;
}
