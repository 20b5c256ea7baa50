using BenchmarkDotNet.Attributes;
using RelayDesk.Domain.Escalation;
using RelayDesk.Domain.Routing;

namespace RelayDesk.Benchmarks;

/// <summary>
/// Target: one push-assignment decision with 10,000 queued conversations and 1,000 agents in ≤ 50 µs, flat as the
/// queue grows. The desk is busy, as it is when queues are long: 95 % of the agents are at capacity, so the decision
/// has to look past skill sets whose qualified agents are all full. With teams, the agents are spread over three teams
/// and a share of the cases was handed to one of them (only its agents may take those).
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private static readonly string[] Topics = ["payments", "returns", "disputes", "hardship", "fraud", "complaints"];
    private static readonly string[] Teams = ["desk", "hardship", "fraud"];
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private RoutingBoard _board = default!;

    [Params(1_000, 10_000, 100_000)]
    public int Queued { get; set; }

    [Params(1_000)]
    public int Agents { get; set; }

    /// <summary>Share of agents with a free slot: 5 % (a busy desk), or none (the decision must find that nobody can take anything).</summary>
    [Params(0.05, 0.0)]
    public double FreeShare { get; set; }

    /// <summary>Share of cases handed to a team: none, or one in ten.</summary>
    [Params(0.0, 0.1)]
    public double TeamShare { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _board = new RoutingBoard();
        for (var i = 0; i < Agents; i++)
        {
            var skills = Topics.Where(_ => random.NextDouble() < 0.4).ToDictionary(t => t, _ => random.Next(1, 6));
            var languages = random.Next(3) switch { 0 => new[] { "de" }, 1 => ["en"], _ => ["de", "en"] };
            var full = random.NextDouble() >= FreeShare;
            _board.SetAgent(new RoutingAgent($"agent{i}", skills, languages, Presence.Online, full ? 3 : random.Next(3),
                Now.AddSeconds(-random.Next(3600)), TeamId: Teams[i % Teams.Length]));
        }

        for (var i = 0; i < Queued; i++)
        {
            var skills = Topics.Where(_ => random.NextDouble() < 0.12).Take(2).ToArray();
            var priority = random.NextDouble() switch { < 0.05 => EscalationPriority.Urgent, < 0.25 => EscalationPriority.High, _ => EscalationPriority.Normal };
            var team = random.NextDouble() < TeamShare ? Teams[random.Next(Teams.Length)] : null;
            _board.Enqueue(new QueuedCase(Guid.NewGuid(), priority, skills, random.Next(2) == 0 ? "de" : "en", Now.AddSeconds(-random.Next(7200)))
            { TeamId = team });
        }
    }

    [Benchmark]
    public AssignmentDecision? NextAssignment() => _board.NextAssignment(Now);
}
