using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Cli.Escalation;

/// <summary><c>relaydesk escalation eval --file cases.tsv [--rules rules.json] [--json]</c>.</summary>
internal static class EscalationCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = false };

    public static Command Create()
    {
        var escalation = new Command("escalation", "Evaluate the escalation policy.");
        var file = new Option<FileInfo>("--file") { Description = "TSV with columns text, lang, expect (human, not, or a topic).", Required = true };
        var rules = new Option<FileInfo?>("--rules") { Description = "A rules file to evaluate instead of the built-in rules." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var eval = new Command("eval", "Recall and precision per class, and the misclassified lines.") { file, rules, json };
        eval.SetAction(result =>
        {
            try
            {
                var ruleSet = result.GetValue(rules) is { } rulesFile ? EscalationRuleSet.FromJson(File.ReadAllText(rulesFile.FullName)) : EscalationRuleSet.Default;
                using var reader = new StreamReader(result.GetValue(file)!.FullName);
                var report = EscalationEvaluation.Evaluate(ruleSet, EscalationEvaluation.ReadTsv(reader));
                Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(report, Json) : ToText(report));
                return 0;
            }
            catch (Exception exception) when (exception is IOException or FormatException or EscalationConfigurationException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return 2;
            }
        });
        escalation.Subcommands.Add(eval);
        return escalation;
    }

    private static string ToText(EscalationReport report)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Cases} cases");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"class",-14} {"recall",7} {"precision",9} {"support",7}");
        foreach (var (label, score) in report.Classes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label,-14} {score.Recall,7:P1} {score.Precision,9:P1} {score.Support,7}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"false positive rate (not → escalated): {report.FalsePositiveRate:P2}");
        text.AppendLine(CultureInfo.InvariantCulture, $"escalation recall (any person needed → escalated): {report.EscalationRecall:P2}");
        text.AppendLine(CultureInfo.InvariantCulture, $"{report.Errors.Count} misclassified:");
        foreach (var error in report.Errors)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  line {error.Line} [{error.Lang}] expected {error.Expected}, got {error.Predicted}{(error.Evidence is null ? "" : $" (“{error.Evidence}”)")}: {error.Text}");
        }

        return text.ToString();
    }
}
