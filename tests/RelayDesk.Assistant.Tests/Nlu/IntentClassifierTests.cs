using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Tests.Nlu;

public sealed class IntentClassifierTests
{
    private static readonly string[] Probes =
    [
        "please pay my bill", "my card got stolen", "hello!", "refund still missing", "what is the weather", "",
        "wann ist meine nächste Rate fällig",
    ];

    [Fact]
    public void Learns_a_small_separable_dataset()
    {
        using var model = IntentClassifier.Train(SmallData.Rows, SmallData.FastOptions);

        Assert.Equal(["greeting", "lost_card", "oos", "pay_bill", "refund"], model.Labels);
        Assert.Equal("oos", model.OosLabel);
        Assert.Equal("pay_bill", model.Predict("I would like to pay my bill").Label);
        Assert.Equal("lost_card", model.Predict("my card has been stolen").Label);
        Assert.Equal("refund", model.Predict("where is my refund?").Label);
        Assert.Equal("greeting", model.Predict("hello there").Label);

        var p = model.Predict("pay my bill");
        Assert.False(p.IsOutOfScope);
        Assert.Equal(3, p.Top.Count);
        Assert.Equal(p.Label, p.Top[0].Label);
        Assert.Equal(p.Confidence, p.Top[0].Probability);
        Assert.True(p.Top[0].Probability >= p.Top[1].Probability && p.Top[1].Probability >= p.Top[2].Probability);
        Assert.InRange(model.PredictProbabilities("pay my bill").Sum(), 0.999f, 1.001f);
    }

    [Fact]
    public void Empty_text_is_out_of_scope()
    {
        using var model = IntentClassifier.Train(SmallData.Rows, SmallData.FastOptions);
        Assert.True(model.Predict("   ?! ").IsOutOfScope);
    }

    [Fact]
    public void Training_twice_gives_identical_predictions()
    {
        var options = IntentClassifierOptions.Default; // ensemble + calibration: the full path
        using var a = IntentClassifier.Train(SmallData.Rows, options);
        using var b = IntentClassifier.Train(SmallData.Rows, options);

        Assert.Equal(a.Temperature, b.Temperature);
        Assert.Equal(a.OutOfScopeThreshold, b.OutOfScopeThreshold);
        foreach (var text in Probes)
        {
            Assert.Equal(a.PredictProbabilities(text), b.PredictProbabilities(text));
        }
    }

    [Fact]
    public void Save_and_load_give_identical_predictions()
    {
        using var model = IntentClassifier.Train(SmallData.Rows, SmallData.FastOptions);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        using var loaded = IntentClassifier.Load(stream);

        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.CacheKey, loaded.CacheKey);
        Assert.Equal(model.OutOfScopeThreshold, loaded.OutOfScopeThreshold);
        Assert.Equal(model.Options, loaded.Options);
        foreach (var text in Probes)
        {
            Assert.Equal(model.PredictProbabilities(text), loaded.PredictProbabilities(text));
            Assert.Equal(model.Predict(text), loaded.Predict(text), PredictionComparer.Instance);
        }
    }

    [Fact]
    public void Predict_is_safe_to_call_from_several_threads()
    {
        using var model = IntentClassifier.Train(SmallData.Rows, SmallData.FastOptions);
        var expected = Probes.Select(model.Predict).ToArray();
        Parallel.For(0, 200, i =>
            Assert.Equal(expected[i % Probes.Length], model.Predict(Probes[i % Probes.Length]), PredictionComparer.Instance));
    }

    [Fact]
    public void Model_cache_trains_once_then_loads_and_retrains_when_data_changes()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nlu-cache-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var first = IntentModelCache.LoadOrTrain(SmallData.Rows, dir, out bool cached1, SmallData.FastOptions);
            using var second = IntentModelCache.LoadOrTrain(SmallData.Rows, dir, out bool cached2, SmallData.FastOptions);
            var changed = SmallData.Rows.Append(new IntentExample("settle the invoice", "pay_bill")).ToList();
            using var third = IntentModelCache.LoadOrTrain(changed, dir, out bool cached3, SmallData.FastOptions);

            Assert.False(cached1);
            Assert.True(cached2);
            Assert.False(cached3);
            Assert.Equal(2, Directory.GetFiles(dir, "*.zip").Length);
            foreach (var text in Probes)
            {
                Assert.Equal(first.PredictProbabilities(text), second.PredictProbabilities(text));
            }

            // A corrupt cache file is replaced by a retrained model.
            File.WriteAllText(IntentModelCache.ModelPath(dir, SmallData.Rows, SmallData.FastOptions), "not a zip");
            using var fourth = IntentModelCache.LoadOrTrain(SmallData.Rows, dir, out bool cached4, SmallData.FastOptions);
            Assert.False(cached4);
            Assert.Equal(first.PredictProbabilities(Probes[0]), fourth.PredictProbabilities(Probes[0]));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Cache_key_depends_on_data_options_and_order()
    {
        string key = IntentClassifier.ComputeCacheKey(SmallData.Rows, SmallData.FastOptions);
        Assert.Equal(key, IntentClassifier.ComputeCacheKey(SmallData.Rows.ToList(), SmallData.FastOptions with { }));
        Assert.NotEqual(key, IntentClassifier.ComputeCacheKey(SmallData.Rows, SmallData.FastOptions with { Members = [new EnsembleMember(IntentTrainerKind.Lbfgs, FeatureView.All, 0.1f)] }));
        Assert.NotEqual(key, IntentClassifier.ComputeCacheKey(SmallData.Rows.Reverse().ToList(), SmallData.FastOptions));
    }

    private sealed class PredictionComparer : IEqualityComparer<IntentPrediction>
    {
        public static PredictionComparer Instance { get; } = new();

        public bool Equals(IntentPrediction? x, IntentPrediction? y)
            => x is not null && y is not null && x.Label == y.Label && x.Confidence == y.Confidence
               && x.IsOutOfScope == y.IsOutOfScope && x.Top.SequenceEqual(y.Top);

        public int GetHashCode(IntentPrediction obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }
}
