namespace RelayDesk.Web.Infrastructure;

/// <summary>Demo logins for trying RelayDesk out. Never enable in production.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds the demo staff and prints their logins on start. Default false; true in Development.</summary>
    public bool Enabled { get; set; }

    /// <summary>The demo staff's password. When unset, a random one is generated and printed on every start.</summary>
    public string? Password { get; set; }

    /// <summary>Weeks of past conversations seeded once for analytics and staffing. Default 8; 0 seeds none.</summary>
    public int HistoryWeeks { get; set; } = 8;

    /// <summary>Demo BNPL customers (with purchases in every state) generated once on first start. Default 1000; 0 seeds none.</summary>
    public int Customers { get; set; } = 1000;
}
