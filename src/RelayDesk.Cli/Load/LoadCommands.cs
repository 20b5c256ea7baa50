using System.CommandLine;

namespace RelayDesk.Cli.Load;

/// <summary>
/// <c>relaydesk load --url … --customers … --rate … --duration …</c> and <c>relaydesk load echo …</c>: real SignalR
/// customers (and optionally agents) against a desk, open-loop, with latency, answers, errors and the lost/duplicated
/// check; <c>echo</c> runs the same client against a bare in-process hub as the baseline.
/// </summary>
internal static class LoadCommands
{
    private const string ServerHint =
        "Run the target with --RateLimits:Enabled false: it limits conversation starts per address (60/min) and calls per hub "
        + "connection (30/10 s), which a load run from one machine exceeds; refusals are reported as errors of kind rate_limited.";

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The desk to load, e.g. http://127.0.0.1:5080 (loopback unless --allow-remote).", Required = true };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow a --url that is not on this machine." };
        var withEcho = new Option<bool>("--with-echo") { Description = "Also run the echo baseline with the same options and print the ratios." };
        var shared = new SharedOptions();
        var load = new Command("load", "Load a desk with real SignalR customers sending open-loop at a fixed total rate; reports throughput, ack and "
            + "assistant-answer latency, errors, dropped connections, and lost (acknowledged but not stored) and duplicated messages. " + ServerHint)
        {
            url, allowRemote, withEcho,
        };
        shared.AddTo(load);
        load.SetAction(async (result, cancellationToken) =>
        {
            var problems = shared.Validate(result, result.GetValue(url), result.GetValue(allowRemote));
            if (problems.Count > 0)
            {
                return Refuse(problems);
            }

            var options = shared.Read(result, new Uri(result.GetValue(url)!));
            var report = await RunAsync(options, null, cancellationToken);
            if (report is not null && result.GetValue(withEcho))
            {
                var echo = await RunEchoAsync(options with { Agents = 0 }, cancellationToken);
                report = echo is null ? report : report.WithEcho(echo);
            }

            return Print(report, result.GetValue(shared.Json));
        });

        var echoShared = new SharedOptions();
        var echoCommand = new Command("echo", "The baseline: start a bare SignalR hub of the desk's shape in this process (127.0.0.1, a free port; it "
            + "stores in memory and echoes every message as the assistant at once) and run the same load client against it.");
        echoShared.AddTo(echoCommand);
        echoCommand.SetAction(async (result, cancellationToken) =>
        {
            var problems = echoShared.Validate(result, null, allowRemote: false);
            if (problems.Count > 0)
            {
                return Refuse(problems);
            }

            var options = echoShared.Read(result, new Uri("http://127.0.0.1/"));
            return Print(await RunEchoAsync(options, cancellationToken), result.GetValue(echoShared.Json));
        });
        load.Subcommands.Add(echoCommand);
        return load;
    }

    private static async Task<LoadReport?> RunEchoAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        await using var echo = await EchoDesk.StartAsync(cancellationToken);
        var notes = options.Agents > 0 ? "the echo desk has no agents: --agents is ignored" : null;
        Console.Error.WriteLine($"echo desk listening on {echo.Address}");
        var report = await RunAsync(options with { Target = echo.Address, Agents = 0 }, $"echo (in-process, {echo.Address})", cancellationToken);
        return report is null || notes is null ? report : report with { Notes = [.. report.Notes, notes] };
    }

    private static async Task<LoadReport?> RunAsync(LoadOptions options, string? targetName, CancellationToken cancellationToken)
    {
        try
        {
            return await new LoadRunner(options, TimeProvider.System, Console.Error) { TargetName = targetName }.RunAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return null;
        }
    }

    private static int Print(LoadReport? report, bool json)
    {
        if (report is null)
        {
            return 1;
        }

        Console.WriteLine(json ? report.ToJson() : report.ToText());
        return report.Sound && report.EchoBaseline is not { Sound: false } ? 0 : 1;
    }

    private static int Refuse(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"error: {problem}");
        }

        return 2;
    }

    /// <summary>The options <c>load</c> and <c>load echo</c> share (one instance per command: an option belongs to one command).</summary>
    private sealed class SharedOptions
    {
        public Option<int> Customers { get; } = new("--customers") { Description = "Customer conversations, each with its own hub connection (1–20000).", Required = true };
        public Option<double> Rate { get; } = new("--rate") { Description = "Messages per second across all customers, sent open-loop (at most 100000).", Required = true };
        public Option<int> Duration { get; } = new("--duration") { Description = "Seconds measured after the warm-up (1–3600).", Required = true };
        public Option<int> Warmup { get; } = new("--warmup") { Description = "Seconds of sending before the measured window.", DefaultValueFactory = _ => 0 };
        public Option<double> HumanShare { get; } = new("--human-share") { Description = "Share of customers who ask for a person once.", DefaultValueFactory = _ => 0.05 };
        public Option<int> Agents { get; } = new("--agents") { Description = "Simulated agents from the demo staff (agent1@demo.local …); 0 for none.", DefaultValueFactory = _ => 0 };
        public Option<string?> AgentPassword { get; } = new("--agent-password") { Description = "The demo staff's password (the server's Demo:Password)." };
        public Option<int> Drain { get; } = new("--drain") { Description = "Seconds to wait after the last send for acks and answers.", DefaultValueFactory = _ => 10 };
        public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object (snake_case)." };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Customers, Rate, Duration, Warmup, HumanShare, Agents, AgentPassword, Drain, Json })
            {
                command.Options.Add(option);
            }
        }

        public IReadOnlyList<string> Validate(ParseResult result, string? url, bool allowRemote) => LoadOptions.Validate(url, allowRemote,
            result.GetValue(Customers), result.GetValue(Rate), result.GetValue(Duration), result.GetValue(Warmup), result.GetValue(HumanShare),
            result.GetValue(Agents), result.GetValue(AgentPassword), result.GetValue(Drain));

        public LoadOptions Read(ParseResult result, Uri target) => new(
            target,
            result.GetValue(Customers),
            result.GetValue(Rate),
            TimeSpan.FromSeconds(result.GetValue(Duration)),
            TimeSpan.FromSeconds(result.GetValue(Warmup)),
            result.GetValue(HumanShare),
            result.GetValue(Agents),
            result.GetValue(AgentPassword),
            TimeSpan.FromSeconds(result.GetValue(Drain)));
    }
}
