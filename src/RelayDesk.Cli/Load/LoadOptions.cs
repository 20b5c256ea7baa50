using System.Globalization;
using System.Net;

namespace RelayDesk.Cli.Load;

/// <summary>One load run: who connects, how fast they write, and for how long.</summary>
/// <param name="Target">The desk's base address (http://host:port).</param>
/// <param name="Customers">Customer conversations, each with its own hub connection (1 to 20,000).</param>
/// <param name="Rate">Customer messages per second across all customers, sent open-loop (more than 0, at most 100,000).</param>
/// <param name="Duration">The measured window, after <paramref name="Warmup"/> (1 s to 1 h).</param>
/// <param name="Warmup">Sending before the measured window; not counted in the latency and rate figures (0 to 1 h).</param>
/// <param name="HumanShare">The share of customers who ask for a person once during the run (0 to 1).</param>
/// <param name="Agents">Simulated agents from the demo staff (agent1@demo.local …); 0 for none.</param>
/// <param name="AgentPassword">The demo staff's password (the server's <c>Demo:Password</c>).</param>
/// <param name="Drain">After the last send: how long to wait for outstanding acknowledgements and answers.</param>
internal sealed record LoadOptions(
    Uri Target,
    int Customers,
    double Rate,
    TimeSpan Duration,
    TimeSpan Warmup,
    double HumanShare = 0.05,
    int Agents = 0,
    string? AgentPassword = null,
    TimeSpan? Drain = null)
{
    public const int MaxCustomers = 20_000;
    public const double MaxRate = 100_000;
    public const int MaxAgents = 1_000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    /// <summary>Starting conversations and connecting runs this many at a time, before the measured window.</summary>
    public int StartConcurrency { get; init; } = 32;

    /// <summary>A send or hub call without an answer after this counts as a timeout.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan DrainTime => Drain ?? TimeSpan.FromSeconds(10);

    /// <summary>Every problem with the options at once, in the command's own words; empty when the run may start.</summary>
    public static IReadOnlyList<string> Validate(string? url, bool allowRemote, int customers, double rate, int durationSeconds,
        int warmupSeconds, double humanShare, int agents, string? agentPassword, int drainSeconds)
    {
        var c = CultureInfo.InvariantCulture;
        var problems = new List<string>();
        if (url is not null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"--url must be an absolute http:// or https:// address (got '{url}').");
            }
            else if (!allowRemote && !IsLoopback(target))
            {
                problems.Add($"--url {url} is not on this machine (loopback). A load run can overwhelm a desk: point it at your own "
                    + "test instance, or add --allow-remote if you really mean to load that host.");
            }
        }

        if (customers is < 1 or > MaxCustomers)
        {
            problems.Add(string.Create(c, $"--customers must be between 1 and {MaxCustomers} (got {customers})."));
        }

        if (!(rate > 0) || rate > MaxRate)
        {
            problems.Add(string.Create(c, $"--rate must be more than 0 and at most {MaxRate} messages per second (got {rate})."));
        }

        if (durationSeconds < 1 || durationSeconds > MaxDuration.TotalSeconds)
        {
            problems.Add(string.Create(c, $"--duration must be between 1 and {MaxDuration.TotalSeconds} seconds (got {durationSeconds})."));
        }

        if (warmupSeconds < 0 || warmupSeconds > MaxDuration.TotalSeconds)
        {
            problems.Add(string.Create(c, $"--warmup must be between 0 and {MaxDuration.TotalSeconds} seconds (got {warmupSeconds})."));
        }

        if (drainSeconds is < 0 or > 600)
        {
            problems.Add(string.Create(c, $"--drain must be between 0 and 600 seconds (got {drainSeconds})."));
        }

        if (!(humanShare >= 0 && humanShare <= 1))
        {
            problems.Add(string.Create(c, $"--human-share must be between 0 and 1 (got {humanShare})."));
        }

        if (agents is < 0 or > MaxAgents)
        {
            problems.Add(string.Create(c, $"--agents must be between 0 and {MaxAgents} (got {agents})."));
        }
        else if (agents > 0 && url is not null && string.IsNullOrEmpty(agentPassword))
        {
            problems.Add("--agents needs --agent-password: the demo staff's password (the server's Demo:Password).");
        }

        return problems;
    }

    public static bool IsLoopback(Uri target) =>
        target.IsLoopback || (IPAddress.TryParse(target.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
