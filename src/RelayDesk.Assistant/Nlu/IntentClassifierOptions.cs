namespace RelayDesk.Assistant.Nlu;

/// <summary>Linear model trainer of an ensemble member.</summary>
public enum IntentTrainerKind
{
    /// <summary>L-BFGS multinomial logistic regression (ML.NET LbfgsMaximumEntropy); L2 as ML.NET's L2Regularization (sum-of-losses scale).</summary>
    Lbfgs,

    /// <summary>SDCA multinomial logistic regression (ML.NET SdcaMaximumEntropy); L2 as ML.NET's λ (mean-loss scale).</summary>
    Sdca,

    /// <summary>
    /// SDCA multi-class linear SVM (ML.NET SdcaNonCalibrated, hinge loss); its margins become probabilities through
    /// softmax(margin × <see cref="IntentClassifierOptions.HingeScale"/>).
    /// </summary>
    SdcaHinge,
}

/// <summary>Which feature block a member is trained on.</summary>
public enum FeatureView
{
    /// <summary>Word and character n-grams together.</summary>
    All,
    Word,
    Char,
}

/// <summary>One linear model of the ensemble; probabilities of all members are averaged with <see cref="Weight"/>.</summary>
public sealed record EnsembleMember(IntentTrainerKind Trainer, FeatureView View, float L2, float Weight = 1f)
{
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Trainer}:{View}:{L2}:{Weight}");

    /// <summary>Parses "Lbfgs:All:0.01,Sdca:Char:1e-5:0.5" (trainer:view:l2[:weight], comma-separated).</summary>
    public static IReadOnlyList<EnsembleMember> ParseList(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        return spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var f = part.Split(':');
            if (f.Length is < 3 or > 4)
            {
                throw new FormatException($"Ensemble member '{part}' is not trainer:view:l2[:weight].");
            }

            return new EnsembleMember(
                Enum.Parse<IntentTrainerKind>(f[0], ignoreCase: true),
                Enum.Parse<FeatureView>(f[1], ignoreCase: true),
                float.Parse(f[2], ci),
                f.Length == 4 ? float.Parse(f[3], ci) : 1f);
        }).ToArray();
    }
}

/// <summary>What the out-of-scope threshold maximises on the out-of-fold predictions of the training data.</summary>
public enum OosThresholdObjective
{
    /// <summary>In-scope accuracy × out-of-scope recall (both classes of error weigh equally, whatever their share).</summary>
    InScopeAccuracyTimesOosRecall,

    /// <summary>Accuracy with the out-of-scope label as one more class (errors weigh by their share in the data).</summary>
    Accuracy,

    /// <summary>Smallest threshold whose out-of-scope recall reaches <see cref="IntentClassifierOptions.TargetOosRecall"/>.</summary>
    TargetOosRecall,
}

/// <summary>Term weighting of n-gram counts.</summary>
public enum NgramWeighting
{
    Tf,
    TfIdf,
}

/// <summary>
/// Pipeline configuration. Every property takes part in the model-cache key, so changing one retrains.
/// The defaults are the configuration chosen on BANKING77 and the product data (see README.md of the NLU work).
/// </summary>
public sealed record IntentClassifierOptions
{
    /// <summary>Apply <see cref="IntentTextNormalizer"/> before featurisation.</summary>
    public bool NormalizeText { get; init; } = true;

    /// <summary>Word n-grams 1..N (0 disables word features).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-gram length (0 disables character features).</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>true: all character n-grams 1..CharNgramLength; false: only CharNgramLength.</summary>
    public bool CharAllLengths { get; init; }

    public NgramWeighting Weighting { get; init; } = NgramWeighting.TfIdf;

    /// <summary>
    /// true: word and character bags are L2-normalised separately and concatenated;
    /// false: one FeaturizeText output, L2-normalised as a whole.
    /// </summary>
    public bool SeparateBlocks { get; init; } = true;

    /// <summary>The linear models; their calibrated-probability average is the prediction.</summary>
    public IReadOnlyList<EnsembleMember> Members { get; init; } =
    [
        new(IntentTrainerKind.SdcaHinge, FeatureView.All, 3e-4f),
    ];

    public float LbfgsL1 { get; init; }
    public int LbfgsMaxIterations { get; init; } = 200;
    public float LbfgsTolerance { get; init; } = 1e-6f;
    public int LbfgsHistorySize { get; init; } = 20;

    public float SdcaL1 { get; init; }
    public int SdcaMaxIterations { get; init; } = 50;

    /// <summary>Softmax scale applied to <see cref="IntentTrainerKind.SdcaHinge"/> margins.</summary>
    public float HingeScale { get; init; } = 5f;

    /// <summary>Seed of the ML.NET context and of the calibration folds.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Calibration of confidence (temperature) and of the out-of-scope threshold on out-of-fold predictions
    /// of the training data: k ≥ 2 = stratified k-fold; 1 = one stratified holdout of
    /// <see cref="CalibrationHoldoutFraction"/>; 0 = automatic (5 folds up to 4,000 rows, else one holdout);
    /// −1 = no calibration (temperature 1, threshold <see cref="DefaultThreshold"/>).
    /// </summary>
    public int CalibrationFolds { get; init; }

    public double CalibrationHoldoutFraction { get; init; } = 0.1;

    /// <summary>Fit a softmax temperature on the out-of-fold predictions (minimum negative log-likelihood).</summary>
    public bool FitTemperature { get; init; } = true;

    public OosThresholdObjective ThresholdObjective { get; init; } = OosThresholdObjective.Accuracy;

    public double TargetOosRecall { get; init; } = 0.95;

    /// <summary>Label that marks out-of-scope training rows (ignored when the data has none).</summary>
    public string OosLabel { get; init; } = "oos";

    /// <summary>
    /// When the data has no out-of-scope rows the threshold is the quantile of out-of-fold in-scope confidences
    /// at this rate (that share of genuine in-scope queries is rejected).
    /// </summary>
    public double InScopeRejectRate { get; init; } = 0.02;

    /// <summary>Used when calibration is off, and as a fixed override when set.</summary>
    public float DefaultThreshold { get; init; } = 0.3f;

    /// <summary>When set, skips threshold selection and uses this value.</summary>
    public float? FixedThreshold { get; init; }

    public static IntentClassifierOptions Default { get; } = new();

    /// <summary>Value equality including the member list (compares the canonical JSON form).</summary>
    public bool Equals(IntentClassifierOptions? other)
        => other is not null && (ReferenceEquals(this, other) || ToCanonicalJson() == other.ToCanonicalJson());

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToCanonicalJson());

    internal string ToCanonicalJson() => System.Text.Json.JsonSerializer.Serialize(this, CanonicalJson);

    private static readonly System.Text.Json.JsonSerializerOptions CanonicalJson = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
