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
