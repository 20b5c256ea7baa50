using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RelayDesk.Assistant.Nlu;

/// <summary>Per-class figure.</summary>
public sealed record ClassScore(string Label, double F1, int Support);

/// <summary>How often test rows of <paramref name="Expected"/> were taken for <paramref name="Predicted"/>.</summary>
public sealed record Confusion(string Expected, string Predicted, int Count);

/// <summary>Outcome of <see cref="NluEvaluation.Run"/>. OOS figures are null when no out-of-scope label was given or present.</summary>
public sealed record NluEvaluationResult
{
    public double Accuracy { get; init; }
    public double MacroF1 { get; init; }
    public double? InScopeAccuracy { get; init; }
    public double? OosRecall { get; init; }
    public double? OosPrecision { get; init; }
    public IReadOnlyList<ClassScore> WorstClasses { get; init; } = [];

    /// <summary>The most frequent mistakes (expected → predicted), most frequent first.</summary>
    public IReadOnlyList<Confusion> TopConfusions { get; init; } = [];
    public double TrainSeconds { get; init; }

    /// <summary>Time to load the saved model file and answer a first query (not part of the JSON).</summary>
    public double LoadMilliseconds { get; init; }
    public long ModelBytes { get; init; }
    public double P50Ms { get; init; }
    public double P99Ms { get; init; }
    public double QueriesPerSecond { get; init; }
    public int TrainRows { get; init; }
    public int TestRows { get; init; }
    public string? OosLabel { get; init; }
    public float Threshold { get; init; }
    public float Temperature { get; init; }
    public CalibrationSummary? Calibration { get; init; }

    /// <summary>Expected calibration error (15 equal-width bins) of the top-label confidence on the test rows.</summary>
    public double ExpectedCalibrationError { get; init; }

    /// <summary>Snake-case JSON: accuracy, macro_f1, oos_recall, oos_precision, in_scope_accuracy, train_seconds,
    /// model_bytes, p50_ms, p99_ms, queries_per_second, worst_classes[{label, f1, support}],
    /// top_confusions[{expected, predicted, count}].</summary>
    public string ToJson(bool indented = true)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteNumber("accuracy", Round(Accuracy));
            w.WriteNumber("macro_f1", Round(MacroF1));
            WriteNullable(w, "oos_recall", OosRecall);
            WriteNullable(w, "oos_precision", OosPrecision);
            WriteNullable(w, "in_scope_accuracy", InScopeAccuracy);
            w.WriteNumber("train_seconds", Math.Round(TrainSeconds, 3));
            w.WriteNumber("model_bytes", ModelBytes);
            w.WriteNumber("p50_ms", Math.Round(P50Ms, 4));
            w.WriteNumber("p99_ms", Math.Round(P99Ms, 4));
            w.WriteNumber("queries_per_second", Math.Round(QueriesPerSecond, 1));
            w.WriteStartArray("worst_classes");
            foreach (var c in WorstClasses)
            {
                w.WriteStartObject();
                w.WriteString("label", c.Label);
                w.WriteNumber("f1", Round(c.F1));
                w.WriteNumber("support", c.Support);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("top_confusions");
            foreach (var c in TopConfusions)
            {
                w.WriteStartObject();
                w.WriteString("expected", c.Expected);
                w.WriteString("predicted", c.Predicted);
                w.WriteNumber("count", c.Count);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());

        static double Round(double v) => Math.Round(v, 5);
        static void WriteNullable(Utf8JsonWriter w, string name, double? v)
        {
            if (v is { } x)
            {
                w.WriteNumber(name, Math.Round(x, 5));
            }
            else
            {
                w.WriteNull(name);
            }
        }
    }

    public string ToText()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"rows: train {TrainRows}, test {TestRows}");
        sb.AppendLine(ci, $"accuracy           {Accuracy:P2}");
        sb.AppendLine(ci, $"macro F1           {MacroF1:F4}");
        if (OosLabel is not null)
        {
            sb.AppendLine(ci, $"in-scope accuracy  {InScopeAccuracy:P2}");
            sb.AppendLine(ci, $"OOS recall         {OosRecall:P2}");
            sb.AppendLine(ci, $"OOS precision      {OosPrecision:P2}");
        }

        sb.AppendLine(ci, $"threshold          {Threshold:F3} (temperature {Temperature:F3}, ECE {ExpectedCalibrationError:F4})");
        if (Calibration is { } cal && OosLabel is not null)
        {
            sb.AppendLine(ci, $"  out-of-fold (train): in-scope acc {cal.InScopeAccuracy:P2}, OOS recall {cal.OosRecall:P2}; at threshold 0: {cal.InScopeAccuracyAtZeroThreshold:P2}, {cal.OosRecallAtZeroThreshold:P2}");
        }
        sb.AppendLine(ci, $"train              {TrainSeconds:F2} s, model {ModelBytes / 1024.0:F0} KiB, load + first query {LoadMilliseconds:F0} ms");
        sb.AppendLine(ci, $"latency            p50 {P50Ms:F3} ms, p99 {P99Ms:F3} ms, {QueriesPerSecond:F0} queries/s (single-threaded)");
        sb.AppendLine("worst classes:");
        foreach (var c in WorstClasses)
        {
            sb.AppendLine(ci, $"  {c.Label,-40} F1 {c.F1:F3}  support {c.Support}");
        }

        if (TopConfusions.Count > 0)
        {
            sb.AppendLine("top confusions (expected -> predicted):");
            foreach (var c in TopConfusions)
            {
                sb.AppendLine(ci, $"  {c.Expected + " -> " + c.Predicted,-52} {c.Count}");
            }
        }

        return sb.ToString();
    }
}

/// <summary>Train on one set, evaluate on another; the same API backs the NluEval console and the product CLI.</summary>
public static class NluEvaluation
{
    /// <summary>
    /// Trains on <paramref name="trainRows"/> (timed), saves the model to a temp file (size), predicts every test row
    /// (after a warm-up of up to 200 queries) one at a time (latency), and scores. With <paramref name="oosLabel"/>, a prediction
    /// flagged out of scope counts as that label; without, the top label is scored.
    /// </summary>
    public static NluEvaluationResult Run(
        IReadOnlyList<IntentExample> trainRows,
        IReadOnlyList<IntentExample> testRows,
        string? oosLabel = null,
        IntentClassifierOptions? options = null,
        int worstClassCount = 5)
    {
        ArgumentNullException.ThrowIfNull(trainRows);
        ArgumentNullException.ThrowIfNull(testRows);
        options ??= IntentClassifierOptions.Default;
        if (oosLabel is not null)
        {
            options = options with { OosLabel = oosLabel };
        }

        var sw = Stopwatch.StartNew();
        using var model = IntentClassifier.Train(trainRows, options);
        double trainSeconds = sw.Elapsed.TotalSeconds;

        string tmp = Path.Combine(Path.GetTempPath(), $"nlu-eval-{Environment.ProcessId}-{Guid.NewGuid():N}.zip");
        long bytes;
        double loadMs;
        try
        {
            model.Save(tmp);
            bytes = new FileInfo(tmp).Length;
            var load = Stopwatch.StartNew();
            using (var loaded = IntentClassifier.Load(tmp))
            {
                loaded.Predict("warm up");
            }

            loadMs = load.Elapsed.TotalMilliseconds;
        }
        finally
        {
            File.Delete(tmp);
        }

        return Score(model, testRows, oosLabel, trainSeconds, bytes, trainRows.Count, worstClassCount) with { LoadMilliseconds = loadMs };
    }

    /// <summary>Scores an already trained model (train_seconds and model_bytes as given).</summary>
    public static NluEvaluationResult Score(
        IntentClassifier model, IReadOnlyList<IntentExample> testRows, string? oosLabel,
        double trainSeconds, long modelBytes, int trainRowCount, int worstClassCount = 5)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(testRows);
        for (int i = 0; i < Math.Min(200, testRows.Count); i++)
        {
            model.Predict(testRows[i].Text);
        }

        var latencies = new double[testRows.Count];
        var predictions = new IntentPrediction[testRows.Count];
        long t0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < testRows.Count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            predictions[i] = model.Predict(testRows[i].Text);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        double total = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        Array.Sort(latencies);

        var predicted = predictions.Select(p => oosLabel is not null && p.IsOutOfScope ? oosLabel : p.Label).ToArray();
        var truth = testRows.Select(r => r.Label).ToArray();
        var (accuracy, macroF1, perClass) = Metrics(truth, predicted);

        double? inScopeAcc = null, oosRecall = null, oosPrecision = null;
        bool hasOos = oosLabel is not null && (truth.Contains(oosLabel) || model.OosLabel is not null);
        if (hasOos)
        {
            int inScope = 0, inScopeCorrect = 0, oosTrue = 0, oosCaught = 0, oosPredicted = 0;
            for (int i = 0; i < truth.Length; i++)
            {
                bool t = truth[i] == oosLabel, p = predicted[i] == oosLabel;
                if (t)
                {
                    oosTrue++;
                    if (p)
                    {
                        oosCaught++;
                    }
                }
                else
                {
                    inScope++;
                    if (predicted[i] == truth[i])
                    {
                        inScopeCorrect++;
                    }
                }

                if (p)
                {
                    oosPredicted++;
                }
            }

            inScopeAcc = inScope == 0 ? null : (double)inScopeCorrect / inScope;
            oosRecall = oosTrue == 0 ? null : (double)oosCaught / oosTrue;
            oosPrecision = oosPredicted == 0 ? null : (double)oosCaught / oosPredicted;
        }

        return new NluEvaluationResult
        {
            Accuracy = accuracy,
            MacroF1 = macroF1,
            InScopeAccuracy = inScopeAcc,
            OosRecall = oosRecall,
            OosPrecision = oosPrecision,
            WorstClasses = perClass.Where(c => c.Support > 0)
                .OrderBy(c => c.F1).ThenBy(c => c.Label, StringComparer.Ordinal).Take(worstClassCount).ToArray(),
            TopConfusions = Confusions(truth, predicted, worstClassCount * 2),
            TrainSeconds = trainSeconds,
            ModelBytes = modelBytes,
            P50Ms = Percentile(latencies, 0.50),
            P99Ms = Percentile(latencies, 0.99),
            QueriesPerSecond = total > 0 ? testRows.Count / total : 0,
            TrainRows = trainRowCount,
            TestRows = testRows.Count,
            OosLabel = hasOos ? oosLabel : null,
            Threshold = model.OutOfScopeThreshold,
            Temperature = model.Temperature,
            Calibration = model.Calibration,
            ExpectedCalibrationError = Ece(predictions, truth),
        };
    }

    /// <summary>Accuracy, macro-F1 over the union of true and predicted labels (as scikit-learn), per-class F1.</summary>
    public static (double Accuracy, double MacroF1, IReadOnlyList<ClassScore> PerClass) Metrics(
        IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("truth and predicted differ in length");
        }

        var tp = new Dictionary<string, int>(StringComparer.Ordinal);
        var fp = new Dictionary<string, int>(StringComparer.Ordinal);
        var fn = new Dictionary<string, int>(StringComparer.Ordinal);
        int correct = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            if (truth[i] == predicted[i])
            {
                correct++;
                Inc(tp, truth[i]);
            }
            else
            {
                Inc(fn, truth[i]);
                Inc(fp, predicted[i]);
            }
        }

        var labels = truth.Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var perClass = new List<ClassScore>();
        foreach (var l in labels)
        {
            int t = tp.GetValueOrDefault(l), p = fp.GetValueOrDefault(l), n = fn.GetValueOrDefault(l);
            double f1 = t == 0 ? 0 : 2.0 * t / (2.0 * t + p + n);
            perClass.Add(new ClassScore(l, f1, t + n));
        }

        double accuracy = truth.Count == 0 ? 0 : (double)correct / truth.Count;
        double macro = perClass.Count == 0 ? 0 : perClass.Average(c => c.F1);
        return (accuracy, macro, perClass);

        static void Inc(Dictionary<string, int> d, string k) => d[k] = d.GetValueOrDefault(k) + 1;
    }

    /// <summary>The <paramref name="take"/> most frequent (expected, predicted) mistakes, ties by name.</summary>
    public static IReadOnlyList<Confusion> Confusions(IReadOnlyList<string> truth, IReadOnlyList<string> predicted, int take)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        return [.. truth.Zip(predicted).Where(p => p.First != p.Second)
            .GroupBy(p => p)
            .Select(g => new Confusion(g.Key.First, g.Key.Second, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Expected, StringComparer.Ordinal).ThenBy(c => c.Predicted, StringComparer.Ordinal)
            .Take(take)];
    }

    private static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        double pos = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static double Ece(IntentPrediction[] predictions, string[] truth, int bins = 15)
    {
        if (predictions.Length == 0)
        {
            return 0;
        }

        var count = new int[bins];
        var confSum = new double[bins];
        var accSum = new double[bins];
        for (int i = 0; i < predictions.Length; i++)
        {
            int b = Math.Min(bins - 1, (int)(predictions[i].Confidence * bins));
            count[b]++;
            confSum[b] += predictions[i].Confidence;
            accSum[b] += predictions[i].Label == truth[i] ? 1 : 0;
        }

        double ece = 0;
        for (int b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += Math.Abs(accSum[b] - confSum[b]) / predictions.Length;
            }
        }

        return ece;
    }
}
