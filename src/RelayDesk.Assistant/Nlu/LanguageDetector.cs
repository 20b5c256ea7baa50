namespace RelayDesk.Assistant.Nlu;

/// <summary>A detected language ("de"/"en") with its calibrated probability; <see cref="IsConfident"/> when it may be acted on.</summary>
public sealed record DetectedLanguage(string Language, float Confidence, bool IsConfident);

/// <summary>Tells which of the desk's languages a customer writes in; null while no model is loaded, or when unsure.</summary>
public interface ILanguageDetector
{
    DetectedLanguage? Detect(string text);
}

/// <summary>
/// German/English detection with the same ML.NET pipeline as the intents, trained on the product's own DE/EN texts
/// (label = the file's language; the out-of-scope rows bring everyday, off-topic phrasing). Character 1–4-grams carry
/// the decision, so typos and unseen words still vote; the calibrated probability decides whether it is sure.
/// Short texts ("ok", "hallo?") are often genuinely ambiguous: below <see cref="MinimumLetters"/> letters or below
/// <see cref="MinimumConfidence"/> it answers "not sure", and callers keep the language they had.
/// </summary>
/// <remarks>
/// A dedicated library (Lingua) detects 75 languages but ships ~140 MB of models; for two languages this model is
/// ~1 MB, trains in about a second and is measured with <c>relaydesk nlu language-eval</c>.
/// </remarks>
public sealed class LanguageDetector : ILanguageDetector, IDisposable
{
    public const double MinimumConfidence = 0.9;

    /// <summary>Texts with fewer letters than this are not judged.</summary>
    public const int MinimumLetters = 8;

    public static IntentClassifierOptions Options { get; } = new()
    {
        WordNgramLength = 1,
        CharNgramLength = 4,
        CharAllLengths = true,
        Members = [new EnsembleMember(IntentTrainerKind.SdcaHinge, FeatureView.All, 1e-4f)],
        CalibrationFolds = 3,
        InScopeRejectRate = 0,
        FixedThreshold = 0f,
    };

    private volatile IntentClassifier? _classifier;

    public bool IsReady => _classifier is not null;

    /// <summary>The product's intent texts labelled with their language (from the file name: intents-de.csv ⇒ de).</summary>
    public static IReadOnlyList<IntentExample> ProductData()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "NluData");
        return Labelled(Directory.GetFiles(folder, "intents-*.csv").Order(StringComparer.Ordinal));
    }

    public static IReadOnlyList<IntentExample> Labelled(IEnumerable<string> intentFiles) =>
        [.. intentFiles.SelectMany(file =>
        {
            var language = Path.GetFileNameWithoutExtension(file)["intents-".Length..];
            return IntentDataset.Load(file).Select(row => new IntentExample(row.Text, language));
        })];

    /// <summary>Trains or loads the model; safe to call from a background thread.</summary>
    public void Load(string cacheDirectory) => Use(IntentModelCache.LoadOrTrain(ProductData(), cacheDirectory, Options));

    /// <summary>Uses an already trained model (tests, evaluation).</summary>
    public void Use(IntentClassifier classifier) => Interlocked.Exchange(ref _classifier, classifier)?.Dispose();

    public DetectedLanguage? Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var classifier = _classifier;
        if (classifier is null)
        {
            return null;
        }

        var prediction = classifier.Predict(text);
        var letters = text.Count(char.IsLetter);
        return new DetectedLanguage(prediction.Label, prediction.Confidence,
            letters >= MinimumLetters && prediction.Confidence >= MinimumConfidence);
    }

    public void Dispose() => Interlocked.Exchange(ref _classifier, null)?.Dispose();
}
