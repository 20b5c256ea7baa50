namespace RelayDesk.Assistant.Nlu;

/// <summary>Recognises what a customer wants; null while no model is loaded yet.</summary>
public interface IIntentRecognizer
{
    IntentPrediction? Recognize(string text);
}

/// <summary>
/// The embedded classifier trained on the product's own DE/EN intent data (shipped as <c>NluData/*.csv</c>). Trained
/// at first start and cached on disk (keyed by the data and the pipeline), loaded in well under a second afterwards.
/// Until it is ready the assistant works from the help articles alone.
/// </summary>
public sealed class EmbeddedIntentModel : IIntentRecognizer, IDisposable
{
    public const string OosLabel = "oos";

    private volatile IntentClassifier? _classifier;

    public bool IsReady => _classifier is not null;

    public static IReadOnlyList<IntentExample> ProductData()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "NluData");
        return [.. Directory.GetFiles(folder, "intents-*.csv").Order(StringComparer.Ordinal).SelectMany(IntentDataset.Load)];
    }

    /// <summary>Trains or loads the model; safe to call from a background thread.</summary>
    public void Load(string cacheDirectory)
    {
        var classifier = IntentModelCache.LoadOrTrain(ProductData(), cacheDirectory, out _);
        var previous = Interlocked.Exchange(ref _classifier, classifier);
        previous?.Dispose();
    }

    public IntentPrediction? Recognize(string text) => _classifier?.Predict(text);

    public void Dispose() => Interlocked.Exchange(ref _classifier, null)?.Dispose();
}
