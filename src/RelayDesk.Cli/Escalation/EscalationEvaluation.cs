using RelayDesk.Domain.Escalation;

namespace RelayDesk.Cli.Escalation;

/// <summary>One labelled message: what the policy should decide.</summary>
internal sealed record EscalationCase(int Line, string Text, string Language, string Expect);

/// <summary>Recall and precision of one class; support is how many lines expect it.</summary>
internal sealed record ClassScore(double Recall, double Precision, int Support);

internal sealed record EscalationError(int Line, string Text, string Lang, string Expected, string Predicted, string? Evidence);

internal sealed record EscalationReport(
    IReadOnlyDictionary<string, ClassScore> Classes,
    double FalsePositiveRate,
    double EscalationRecall,
    int Cases,
    IReadOnlyList<EscalationError> Errors);

/// <summary>
/// Runs the escalation rules on labelled messages, as first turns (no history). A line's predicted class is the rule
/// that fired: <c>human</c> for the explicit request, the topic's id for a never-AI topic, <c>frustration</c>, or
/// <c>not</c> when the assistant keeps the conversation.
/// </summary>
internal static class EscalationEvaluation
{
    public const string NotEscalated = "not";
    public const string Human = "human";

    public static IReadOnlyList<EscalationCase> ReadTsv(TextReader reader)
    {
        var header = reader.ReadLine()?.Split('\t') ?? throw new FormatException("The case file is empty.");
        int Column(string name) => Array.FindIndex(header, h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i
            : throw new FormatException($"The case file needs a '{name}' column (found: {string.Join(", ", header)}).");
        var (text, lang, expect) = (Column("text"), Column("lang"), Column("expect"));
        var cases = new List<EscalationCase>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < header.Length)
            {
                throw new FormatException($"Line {lineNumber} has {fields.Length} columns, expected {header.Length}.");
            }

            cases.Add(new EscalationCase(lineNumber, fields[text], fields[lang].Trim().ToLowerInvariant(), fields[expect].Trim().ToLowerInvariant()));
        }

        return cases;
    }

    public static string Classify(EscalationRuleSet rules, EscalationCase item)
    {
        var decision = rules.Decide(EscalationInput.BeforeAssistant(item.Text, item.Language, EscalationMemory.Empty));
        return Label(rules, decision);
    }

    public static EscalationReport Evaluate(EscalationRuleSet rules, IReadOnlyList<EscalationCase> cases)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var predictions = cases.Select(c =>
        {
            var decision = rules.Decide(EscalationInput.BeforeAssistant(c.Text, c.Language, EscalationMemory.Empty));
            return (Case: c, Predicted: Label(rules, decision), decision.Evidence);
        }).ToList();

        var labels = predictions.Select(p => p.Case.Expect).Concat(predictions.Select(p => p.Predicted)).Distinct().Order(StringComparer.Ordinal);
        var classes = new SortedDictionary<string, ClassScore>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var support = predictions.Count(p => p.Case.Expect == label);
            var predicted = predictions.Count(p => p.Predicted == label);
            var correct = predictions.Count(p => p.Case.Expect == label && p.Predicted == label);
            classes[label] = new ClassScore(Ratio(correct, support), Ratio(correct, predicted), support);
        }

        var negatives = predictions.Where(p => p.Case.Expect == NotEscalated).ToList();
        var positives = predictions.Where(p => p.Case.Expect != NotEscalated).ToList();
        return new EscalationReport(
            classes,
            FalsePositiveRate: Ratio(negatives.Count(p => p.Predicted != NotEscalated), negatives.Count),
            EscalationRecall: Ratio(positives.Count(p => p.Predicted != NotEscalated), positives.Count),
            Cases: predictions.Count,
            Errors: [.. predictions.Where(p => p.Predicted != p.Case.Expect)
                .Select(p => new EscalationError(p.Case.Line, p.Case.Text, p.Case.Language, p.Case.Expect, p.Predicted, p.Evidence))]);
    }

    private static string Label(EscalationRuleSet rules, EscalationDecision decision)
    {
        if (!decision.Escalate)
        {
            return NotEscalated;
        }

        var kind = rules.Rules.First(r => r.Id == decision.RuleId).Kind;
        return kind switch
        {
            EscalationRuleKind.ExplicitRequest => Human,
            EscalationRuleKind.Frustration => "frustration",
            _ => decision.RuleId,
        };
    }

    // An empty class has nothing to get wrong: report 1 rather than NaN.
    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
