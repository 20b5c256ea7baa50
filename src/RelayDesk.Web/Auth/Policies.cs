namespace RelayDesk.Web.Auth;

public static class Policies
{
    /// <summary>Staff signed in with a cookie (workspace) or an Identity bearer token (API, hub).</summary>
    public const string Agent = "agent";

    /// <summary>Staff in the browser workspace: the sign-in cookie, and a redirect to the login page without it.</summary>
    public const string Workspace = "workspace";

    /// <summary>Supervisors and admins over the API (bearer token or cookie): staffing, analytics.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Supervisors and admins in the browser (cookie, login redirect).</summary>
    public const string SupervisorWorkspace = "supervisor-workspace";

    /// <summary>A customer holding a conversation token.</summary>
    public const string Customer = "customer";

    /// <summary>A signed-in customer (customer token): their own account.</summary>
    public const string CustomerAccount = "customer-account";
}
