using BenchmarkDotNet.Attributes;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Benchmarks;

/// <summary>What one customer turn costs: the escalation rules and a help-article search.</summary>
[MemoryDiagnoser]
public class AssistantBenchmarks
{
    private KnowledgeBase _knowledge = default!;

    [GlobalSetup]
    public void Setup() => _knowledge = new KnowledgeBase(HelpArticleCatalog.LoadBuiltIn());

    [GlobalCleanup]
    public void Cleanup() => _knowledge.Dispose();

    private static readonly EscalationInput Turn = EscalationInput.BeforeAssistant(
        "Hello, I returned the parcel last week, when do I get my money back?", "en", EscalationMemory.Empty);

    /// <summary>All escalation rules on an ordinary message (the common case: nothing fires, every pattern runs).</summary>
    [Benchmark]
    public bool DecideEscalation() => EscalationRuleSet.Default.Decide(Turn).Escalate;

    [Benchmark]
    public int SearchEnglish() => _knowledge.Search("How long does it take until I get my refund?", "en").Count;

    [Benchmark]
    public int SearchGerman() => _knowledge.Search("Ich habe eine Retoure geschickt, muss ich die Rechnung trotzdem bezahlen?", "de").Count;
}
