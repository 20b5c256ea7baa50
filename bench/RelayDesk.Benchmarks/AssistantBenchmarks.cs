using BenchmarkDotNet.Attributes;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Signals;

namespace RelayDesk.Benchmarks;

/// <summary>What one customer turn costs the embedded assistant: the human-request check and a help-article search.</summary>
[MemoryDiagnoser]
public class AssistantBenchmarks
{
    private KnowledgeBase _knowledge = default!;

    [GlobalSetup]
    public void Setup() => _knowledge = new KnowledgeBase(HelpArticleCatalog.LoadBuiltIn());

    [GlobalCleanup]
    public void Cleanup() => _knowledge.Dispose();

    [Benchmark]
    public string? DetectHumanRequest() => HumanRequestDetector.Detect("Hello, I returned the parcel last week, when do I get my money back?");

    [Benchmark]
    public int SearchEnglish() => _knowledge.Search("How long does it take until I get my refund?", "en").Count;

    [Benchmark]
    public int SearchGerman() => _knowledge.Search("Ich habe eine Retoure geschickt, muss ich die Rechnung trotzdem bezahlen?", "de").Count;
}
