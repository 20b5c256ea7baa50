namespace RelayDesk.Data;

/// <summary>Staff roles. Customers are not users: they hold a signed conversation or customer token.</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Agent, Supervisor, Admin];
}
