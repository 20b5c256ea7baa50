using BenchmarkDotNet.Attributes;
using RelayDesk.Domain.Staffing;

namespace RelayDesk.Benchmarks;

/// <summary>Target: required agents for A = 5,000 erlangs in ≤ 1 ms.</summary>
[MemoryDiagnoser]
public class StaffingBenchmarks
{
    private static readonly ContactLoad Published = ContactLoad.PerInterval(360, 1800, 240);

    [Params(48, 500, 5_000)]
    public double OfferedLoad { get; set; }

    [Benchmark]
    public int ErlangCRequiredAgents() => ErlangC.RequiredAgents(ContactLoad.FromOfferedLoad(OfferedLoad, 240), 0.8, 20);

    [Benchmark]
    public int ErlangARequiredAgents() => ErlangA.RequiredAgents(ContactLoad.FromOfferedLoad(OfferedLoad, 240), 180, 0.8, 20);

    [Benchmark]
    public ErlangCResult ErlangCEvaluatePublishedExample() => ErlangC.Evaluate(Published, 55, 15);
}

/// <summary>Target: one week of 30-minute intervals (336) planned end to end in ≤ 20 ms.</summary>
[MemoryDiagnoser]
public class StaffingPlanBenchmarks
{
    private IReadOnlyList<DateTimeOffset> _starts = [];
    private IReadOnlyList<DateTimeOffset> _humans = [];
    private IntervalSeries _forecast = default!;
    private readonly DateTimeOffset _now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        _starts = DemoContactHistory.Generate(_now.AddDays(-56), 8, seed: 1, contactsPerDay: 600);
        var random = new Random(1);
        _humans = [.. _starts.Where(_ => random.NextDouble() < 0.3)];
        _forecast = StaffingPlanner.Plan([.. _starts], [.. _humans], _now, new StaffingPlannerSettings()).Forecast.Forecast;
    }

    /// <summary>Sizing the 336 intervals of a forecast week (Erlang C, 2 chats per agent, occupancy cap, shrinkage).</summary>
    [Benchmark]
    public double PlanWeekFromForecast() => StaffingPlan.Create(new StaffingPlanRequest(_forecast, 420, new StaffingTarget(0.8, 60))
    {
        HumanShare = 0.3,
        ConcurrentChatsPerAgent = 2,
        MaxOccupancy = 0.85,
        Shrinkage = 0.3,
    }).WeeklyFte;

    /// <summary>The same with Erlang A (120 s patience).</summary>
    [Benchmark]
    public double PlanWeekFromForecastErlangA() => StaffingPlan.Create(new StaffingPlanRequest(_forecast, 420, new StaffingTarget(0.8, 60))
    {
        HumanShare = 0.3,
        ConcurrentChatsPerAgent = 2,
        MeanPatienceSeconds = 120,
        Shrinkage = 0.3,
    }).WeeklyFte;

    /// <summary>End to end: 8 weeks of history bucketed, forecast (model selection + backtest) and planned.</summary>
    [Benchmark]
    public double PlanWeekFromHistory() =>
        StaffingPlanner.Plan([.. _starts], [.. _humans], _now, new StaffingPlannerSettings()).Plan.WeeklyFte;
}
