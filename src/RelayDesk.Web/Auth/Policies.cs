namespace RelayDesk.Web.Auth;

public static class Policies
{
    /// <summary>Staff signed in with a cookie (workspace) or an Identity bearer token (API, hub).</summary>
    public const string Agent = "agent";

    /// <summary>Staff in the browser workspace: the sign-in cookie, and a redirect to the login page without it.</summary>
    public const string Workspace = "workspace";

    /// <summary>A customer holding a conversation token.</summary>
    public const string Customer = "customer";
}
