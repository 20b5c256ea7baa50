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
}
