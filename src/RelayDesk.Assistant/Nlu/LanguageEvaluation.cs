using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RelayDesk.Assistant.Nlu;

/// <summary>
/// How the language detector does on texts of one known language: accuracy over all texts, how often it is sure
/// (and how often it is right then — the figure that matters, because only sure detections change a conversation's
/// language), and both by text length, since short texts are the hard case.
/// </summary>
public sealed record LanguageEvaluation(
    string Language,
    int Texts,
    double Accuracy,
    double ConfidentShare,
    double ConfidentAccuracy,
    IReadOnlyList<LanguageEvaluation.LengthBucket> ByLength,
    double P50Ms)
{
    public sealed record LengthBucket(string Words, int Texts, double Accuracy, double ConfidentShare, double ConfidentAccuracy);

    public static LanguageEvaluation Run(ILanguageDetector detector, IReadOnlyList<string> texts, string language)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            throw new ArgumentException("No texts to score.", nameof(texts));
        }

        var outcomes = new List<(int Words, bool Right, bool Sure)>(texts.Count);
        var latencies = new double[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var detected = detector.Detect(texts[i]) ?? throw new InvalidOperationException("The language model is not loaded.");
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var words = texts[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            outcomes.Add((words, detected.Language == language, detected.IsConfident));
        }

        Array.Sort(latencies);
        (string Name, Func<int, bool> Has)[] buckets = [("1-2", w => w <= 2), ("3-5", w => w is >= 3 and <= 5), ("6+", w => w >= 6)];
        return new LanguageEvaluation(
            language,
            texts.Count,
            Share(outcomes, o => o.Right),
            Share(outcomes, o => o.Sure),
            Share([.. outcomes.Where(o => o.Sure)], o => o.Right),
            [.. buckets.Select(b =>
            {
                var part = outcomes.Where(o => b.Has(o.Words)).ToList();
                return new LengthBucket(b.Name, part.Count, Share(part, o => o.Right), Share(part, o => o.Sure),
                    Share([.. part.Where(o => o.Sure)], o => o.Right));
            })],
            latencies[latencies.Length / 2]);
    }

    public string ToText()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"language           {Language} ({Texts} texts)");
        sb.AppendLine(ci, $"accuracy           {Accuracy:P2}");
        sb.AppendLine(ci, $"sure               {ConfidentShare:P2} of texts, right when sure {ConfidentAccuracy:P2}");
        foreach (var b in ByLength)
        {
            sb.AppendLine(ci, $"  {b.Words,-4} words   {b.Texts,6} texts, accuracy {b.Accuracy:P2}, sure {b.ConfidentShare:P2}, right when sure {b.ConfidentAccuracy:P2}");
        }

        sb.Append(ci, $"latency            p50 {P50Ms:F3} ms");
        return sb.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : (double)items.Count(predicate) / items.Count;
}
