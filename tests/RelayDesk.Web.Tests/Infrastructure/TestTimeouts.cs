namespace RelayDesk.Web.Tests.Infrastructure;

internal static class TestTimeouts
{
    /// <summary>Generous, because CI machines are shared: a wait that hits it means the event never came.</summary>
    public static readonly TimeSpan Event = TimeSpan.FromSeconds(30);
}
