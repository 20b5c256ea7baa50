namespace RelayDesk.Web.Auth;

public static class Policies
{
    /// <summary>Staff signed in with a cookie (workspace) or an Identity bearer token (API, hub).</summary>
    public const string Agent = "agent";

    /// <summary>A customer holding a conversation token.</summary>
    public const string Customer = "customer";
}
