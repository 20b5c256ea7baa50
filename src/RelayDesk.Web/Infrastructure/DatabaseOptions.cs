using System.ComponentModel.DataAnnotations;

namespace RelayDesk.Web.Infrastructure;

/// <summary>Where RelayDesk keeps its data.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The database engine. Default <c>Sqlite</c>; PostgreSQL arrives with the scale-out work.</summary>
    [AllowedValues("Sqlite")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// The SQLite file, relative to the app's content root unless absolute. Default <c>App_Data/relaydesk.db</c>.
    /// Ignored when the connection string <c>ConnectionStrings:RelayDesk</c> is set.
    /// </summary>
    [Required]
    public string Path { get; set; } = "App_Data/relaydesk.db";
}
