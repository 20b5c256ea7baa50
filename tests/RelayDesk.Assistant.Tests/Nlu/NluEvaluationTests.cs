using System.Text.Json;
using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Tests.Nlu;

public sealed class NluEvaluationTests
{
    [Fact]
    public void Metrics_compute_accuracy_and_macro_f1_like_scikit_learn()
    {
        string[] truth = ["a", "a", "b", "b", "c"];
        string[] predicted = ["a", "b", "b", "b", "a"];

        var (accuracy, macroF1, perClass) = NluEvaluation.Metrics(truth, predicted);

        Assert.Equal(0.6, accuracy, 10);
        // a: P 1/2 R 1/2 F1 0.5; b: P 2/3 R 1 F1 0.8; c: 0
        Assert.Equal((0.5 + 0.8 + 0) / 3, macroF1, 10);
        Assert.Equal(new ClassScore("c", 0, 1), perClass.Single(c => c.Label == "c"));
    }

    [Fact]
    public void Run_reports_every_field_and_json_uses_the_agreed_names()
    {
        var split = IntentDataset.StratifiedSplit(SmallData.Rows, 0.2, seed: 3);

        var result = NluEvaluation.Run(split.Train, split.Holdout, "oos", SmallData.FastOptions);

        Assert.Equal(split.Holdout.Count, result.TestRows);
        Assert.NotNull(result.OosRecall);
        Assert.NotNull(result.InScopeAccuracy);
        Assert.True(result.ModelBytes > 0);
        Assert.True(result.TrainSeconds > 0);
        Assert.True(result.P99Ms >= result.P50Ms);
        Assert.InRange(result.WorstClasses.Count, 1, 5);
        Assert.Contains("accuracy", result.ToText(), StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(result.ToJson());
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["accuracy", "macro_f1", "oos_recall", "oos_precision", "in_scope_accuracy", "train_seconds", "model_bytes",
             "p50_ms", "p99_ms", "queries_per_second", "worst_classes", "top_confusions"],
            names);
        var worst = doc.RootElement.GetProperty("worst_classes")[0];
        Assert.Equal(["label", "f1", "support"], worst.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Confusions_count_each_mistake_by_expected_and_predicted_label_most_frequent_first()
    {
        string[] truth = ["a", "a", "a", "b", "b", "c"];
        string[] predicted = ["b", "b", "a", "a", "b", "a"];

        var confusions = NluEvaluation.Confusions(truth, predicted, take: 2);

        Assert.Equal([new Confusion("a", "b", 2), new Confusion("b", "a", 1)], confusions);
    }

    [Fact]
    public void Without_an_oos_label_the_oos_fields_are_null()
    {
        var rows = SmallData.Rows.Where(r => r.Label != "oos").ToList();
        var split = IntentDataset.StratifiedSplit(rows, 0.2, seed: 3);

        var result = NluEvaluation.Run(split.Train, split.Holdout, null, SmallData.FastOptions);

        using var doc = JsonDocument.Parse(result.ToJson());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("oos_recall").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("in_scope_accuracy").ValueKind);
    }
}
