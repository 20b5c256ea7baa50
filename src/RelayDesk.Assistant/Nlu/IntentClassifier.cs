using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace RelayDesk.Assistant.Nlu;

/// <summary>
/// Intent classifier: text normalisation → ML.NET word + character n-gram bags → linear multinomial logistic
/// regression (L-BFGS, SDCA or both averaged) → temperature-calibrated probabilities → out-of-scope decision.
/// Training is deterministic for the same rows, options and order (fixed seeds, single-threaded trainers).
/// <see cref="Predict"/> is thread-safe.
/// </summary>
public sealed class IntentClassifier : IDisposable
{
    /// <summary>Bump when anything changes the trained model for the same options and data.</summary>
    public const string PipelineVersion = "relaydesk-nlu-3";

    internal const string MetadataEntryName = "RelayDesk/nlu-metadata.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly string[] _labels;
    private readonly int _oosIndex;
    private readonly ConcurrentBag<PredictionEngine<TextInput, ScoreOutput>> _engines = [];
    private bool _disposed;

    private IntentClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema, IntentModelMetadata meta)
    {
        _ml = ml;
        _model = model;
        _inputSchema = inputSchema;
        Metadata = meta;
        _labels = [.. meta.Labels];
        _oosIndex = meta.OosLabel is null ? -1 : Array.IndexOf(_labels, meta.OosLabel);
    }

    /// <summary>All labels, in score order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The out-of-scope label when the training data had one, else null.</summary>
    public string? OosLabel => Metadata.OosLabel;

    public float OutOfScopeThreshold => Metadata.Threshold;

    public float Temperature => Metadata.Temperature;

    /// <summary>Out-of-fold in-scope accuracy and OOS recall behind the threshold choice; null without calibration.</summary>
    public CalibrationSummary? Calibration => Metadata.Calibration;

    public IntentClassifierOptions Options => Metadata.Options;

    /// <summary>Cache key of the training data + options + pipeline version (see <see cref="ComputeCacheKey"/>).</summary>
    public string CacheKey => Metadata.CacheKey;

    internal IntentModelMetadata Metadata { get; }

    /// <summary>Trains on <paramref name="rows"/>, including calibration of confidence and out-of-scope threshold.</summary>
    public static IntentClassifier Train(IReadOnlyList<IntentExample> rows, IntentClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= IntentClassifierOptions.Default;
        if (rows.Count == 0)
        {
            throw new ArgumentException("No training rows.", nameof(rows));
        }

        var labels = rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("Need at least two labels.", nameof(rows));
        }

        var keyOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++)
        {
            keyOf[labels[i]] = i;
        }

        var prepared = rows.Select(r => new TrainRow
        {
            Text = options.NormalizeText ? IntentTextNormalizer.Normalize(r.Text) : r.Text,
            Label = (uint)keyOf[r.Label], // LoadFromEnumerable stores a key column's C# value v as key v + 1
        }).ToArray();
        string? oosLabel = keyOf.ContainsKey(options.OosLabel) ? options.OosLabel : null;
        int oosIndex = oosLabel is null ? -1 : keyOf[oosLabel];

        // Calibration on out-of-fold predictions of the training data.
        float temperature = 1f;
        float threshold = options.FixedThreshold ?? options.DefaultThreshold;
        IntentCalibration.ThresholdChoice? choice = null;
        int folds = options.CalibrationFolds == 0 ? (rows.Count <= 4000 ? 5 : 1) : options.CalibrationFolds;
        if (folds >= 1)
        {
            var (oofProbs, oofTruth) = OutOfFold(rows, prepared, labels.Length, options, folds);
            if (options.FitTemperature)
            {
                temperature = IntentCalibration.FitTemperature(oofProbs, oofTruth);
            }

            if (options.FixedThreshold is null)
            {
                var calibrated = oofProbs.Select(p => IntentCalibration.ApplyTemperature(p, temperature)).ToList();
                choice = IntentCalibration.ChooseThreshold(
                    calibrated, oofTruth, oosIndex, options.InScopeRejectRate, options.ThresholdObjective, options.TargetOosRecall);
                threshold = choice.Threshold;
            }
        }

        // A fresh context: the final model does not depend on whether or how calibration ran.
        var ml = new MLContext(seed: options.Seed);
        var dataView = LoadData(ml, prepared, labels.Length);
        var model = BuildPipeline(ml, options).Fit(dataView);
        var meta = new IntentModelMetadata
        {
            PipelineVersion = PipelineVersion,
            CacheKey = ComputeCacheKey(rows, options),
            Labels = labels,
            OosLabel = oosLabel,
            Temperature = temperature,
            Threshold = threshold,
            TrainRows = rows.Count,
            CalibrationFolds = folds,
            Calibration = choice is null ? null : new CalibrationSummary(
                choice.InScopeAccuracy, choice.OosRecall, choice.InScopeAccuracyAtZero, choice.OosRecallAtZero),
            Options = options,
        };
        return new IntentClassifier(ml, model, dataView.Schema, meta);
    }

    private static (List<float[]> Probs, List<int> Truth) OutOfFold(
        IReadOnlyList<IntentExample> rows, TrainRow[] prepared, int labelCount,
        IntentClassifierOptions options, int folds)
    {
        int[] fold;
        int foldCount;
        if (folds >= 2)
        {
            fold = IntentDataset.StratifiedFolds(rows, folds, options.Seed);
            foldCount = folds;
        }
        else
        {
            // One stratified holdout: fold 0 = holdout, fold 1 = fit part.
            var holdoutSet = new HashSet<IntentExample>(
                IntentDataset.StratifiedSplit(rows, options.CalibrationHoldoutFraction, options.Seed).Holdout,
                ReferenceEqualityComparer.Instance);
            fold = rows.Select(r => holdoutSet.Contains(r) ? 0 : 1).ToArray();
            foldCount = 1;
        }

        var probs = new List<float[]>();
        var truth = new List<int>();
        for (int f = 0; f < foldCount; f++)
        {
            var fit = prepared.Where((_, i) => fold[i] != f).ToArray();
            var held = prepared.Where((_, i) => fold[i] == f).ToArray();
            if (held.Length == 0 || fit.Length == 0)
            {
                continue;
            }

            var ml = new MLContext(seed: options.Seed + 1 + f);
            var model = BuildPipeline(ml, options).Fit(LoadData(ml, fit, labelCount));
            var scored = model.Transform(LoadData(ml, held, labelCount));
            int r = 0;
            foreach (var output in ml.Data.CreateEnumerable<ScoreOutput>(scored, reuseRowObject: false))
            {
                probs.Add(Combine(output, options, labelCount));
                truth.Add((int)held[r++].Label);
            }
        }

        return (probs, truth);
    }

    private static IDataView LoadData(MLContext ml, TrainRow[] rows, int labelCount)
    {
        var schema = SchemaDefinition.Create(typeof(TrainRow));
        schema[nameof(TrainRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), labelCount);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    internal static IEstimator<ITransformer> BuildPipeline(MLContext ml, IntentClassifierOptions o)
    {
        var weighting = o.Weighting == NgramWeighting.TfIdf
            ? NgramExtractingEstimator.WeightingCriteria.TfIdf
            : NgramExtractingEstimator.WeightingCriteria.Tf;
        WordBagEstimator.Options? Word() => o.WordNgramLength <= 0 ? null : new WordBagEstimator.Options
        {
            NgramLength = o.WordNgramLength,
            UseAllLengths = true,
            Weighting = weighting,
        };
        WordBagEstimator.Options? Char() => o.CharNgramLength <= 0 ? null : new WordBagEstimator.Options
        {
            NgramLength = o.CharNgramLength,
            UseAllLengths = o.CharAllLengths,
            Weighting = weighting,
        };
        TextFeaturizingEstimator.Options Featurizer(WordBagEstimator.Options? word, WordBagEstimator.Options? chars) => new()
        {
            WordFeatureExtractor = word,
            CharFeatureExtractor = chars,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
        };

        bool needAll = o.Members.Any(m => m.View == FeatureView.All);
        bool separate = o.SeparateBlocks || o.WordNgramLength <= 0 || o.CharNgramLength <= 0;
        bool needWord = o.WordNgramLength > 0 && (o.Members.Any(m => m.View == FeatureView.Word) || (needAll && separate));
        bool needChar = o.CharNgramLength > 0 && (o.Members.Any(m => m.View == FeatureView.Char) || (needAll && separate));
        var features = new EstimatorChain<ITransformer>();
        if (needWord)
        {
            features = features.Append<ITransformer>(ml.Transforms.Text.FeaturizeText("WordFeatures", Featurizer(Word(), null), nameof(TrainRow.Text)));
        }

        if (needChar)
        {
            features = features.Append<ITransformer>(ml.Transforms.Text.FeaturizeText("CharFeatures", Featurizer(null, Char()), nameof(TrainRow.Text)));
        }

        if (needAll)
        {
            features = !separate
                ? features.Append<ITransformer>(ml.Transforms.Text.FeaturizeText("AllFeatures", Featurizer(Word(), Char()), nameof(TrainRow.Text)))
                : needWord && needChar
                    ? features.Append<ITransformer>(ml.Transforms.Concatenate("AllFeatures", "WordFeatures", "CharFeatures"))
                    : features.Append<ITransformer>(ml.Transforms.CopyColumns("AllFeatures", needWord ? "WordFeatures" : "CharFeatures"));
        }

        IEstimator<ITransformer> pipeline = features.AppendCacheCheckpoint(ml);
        var scoreColumns = new List<string>();
        for (int i = 0; i < o.Members.Count; i++)
        {
            var m = o.Members[i];
            string featureColumn = m.View switch
            {
                FeatureView.Word => "WordFeatures",
                FeatureView.Char => "CharFeatures",
                _ => "AllFeatures",
            };
            IEstimator<ITransformer> trainer = m.Trainer == IntentTrainerKind.SdcaHinge
                ? ml.MulticlassClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedMulticlassTrainer.Options
                {
                    LabelColumnName = nameof(TrainRow.Label),
                    FeatureColumnName = featureColumn,
                    Loss = new HingeLoss(),
                    L2Regularization = m.L2,
                    L1Regularization = o.SdcaL1,
                    MaximumNumberOfIterations = o.SdcaMaxIterations,
                    NumberOfThreads = 1,
                    Shuffle = true,
                })
                : m.Trainer == IntentTrainerKind.Lbfgs
                ? ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = nameof(TrainRow.Label),
                    FeatureColumnName = featureColumn,
                    L2Regularization = m.L2,
                    L1Regularization = o.LbfgsL1,
                    OptimizationTolerance = o.LbfgsTolerance,
                    MaximumNumberOfIterations = o.LbfgsMaxIterations,
                    HistorySize = o.LbfgsHistorySize,
                    NumberOfThreads = 1,
                })
                : ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    LabelColumnName = nameof(TrainRow.Label),
                    FeatureColumnName = featureColumn,
                    L2Regularization = m.L2,
                    L1Regularization = o.SdcaL1,
                    MaximumNumberOfIterations = o.SdcaMaxIterations,
                    NumberOfThreads = 1,
                    Shuffle = true,
                });
            string scoreColumn = "Score" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            pipeline = pipeline.Append(trainer).Append(ml.Transforms.CopyColumns(scoreColumn, "Score"));
            scoreColumns.Add(scoreColumn);
        }

        return pipeline.Append(ml.Transforms.Concatenate(nameof(ScoreOutput.AllScores), [.. scoreColumns]));
    }

    /// <summary>Weighted average of the members' probabilities.</summary>
    private float[] Combine(ScoreOutput output) => Combine(output, Options, _labels.Length);

    private static float[] Combine(ScoreOutput output, IntentClassifierOptions o, int labelCount)
    {
        var all = output.AllScores;
        var p = new float[labelCount];
        float total = o.Members.Sum(m => m.Weight);
        for (int m = 0; m < o.Members.Count; m++)
        {
            float w = o.Members[m].Weight / total;
            var scores = all.AsSpan(m * labelCount, labelCount);
            if (o.Members[m].Trainer == IntentTrainerKind.SdcaHinge)
            {
                float max = float.NegativeInfinity;
                foreach (float v in scores)
                {
                    max = Math.Max(max, v);
                }

                double z = 0;
                foreach (float v in scores)
                {
                    z += Math.Exp((v - max) * o.HingeScale);
                }

                for (int i = 0; i < labelCount; i++)
                {
                    p[i] += (float)(w * Math.Exp((scores[i] - max) * o.HingeScale) / z);
                }

                continue;
            }

            for (int i = 0; i < labelCount; i++)
            {
                p[i] += w * scores[i];
            }
        }

        return p;
    }

    /// <summary>Classifies one utterance.</summary>
    public IntentPrediction Predict(string text)
    {
        var probs = PredictProbabilities(text, out bool empty);
        return ToPrediction(probs, empty);
    }

    /// <summary>Calibrated probability of every label, in <see cref="Labels"/> order.</summary>
    public float[] PredictProbabilities(string text) => PredictProbabilities(text, out _);

    private float[] PredictProbabilities(string text, out bool empty)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(text);
        string input = Options.NormalizeText ? IntentTextNormalizer.Normalize(text) : text.Trim();
        empty = input.Length == 0;
        if (!_engines.TryTake(out var engine))
        {
            engine = _ml.Model.CreatePredictionEngine<TextInput, ScoreOutput>(_model, inputSchemaDefinition: null);
        }

        try
        {
            return IntentCalibration.ApplyTemperature(Combine(engine.Predict(new TextInput { Text = input })), Temperature);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    private IntentPrediction ToPrediction(float[] probs, bool empty)
    {
        int k = Math.Min(3, probs.Length);
        var topIdx = new int[k];
        var used = new bool[probs.Length];
        for (int t = 0; t < k; t++)
        {
            int best = -1;
            for (int i = 0; i < probs.Length; i++)
            {
                if (!used[i] && (best < 0 || probs[i] > probs[best]))
                {
                    best = i;
                }
            }

            used[best] = true;
            topIdx[t] = best;
        }

        var top = topIdx.Select(i => new IntentScore(_labels[i], probs[i])).ToArray();
        float confidence = probs[topIdx[0]];
        bool oos = empty || topIdx[0] == _oosIndex || confidence < Metadata.Threshold;
        return new IntentPrediction(_labels[topIdx[0]], confidence, oos, top);
    }

    /// <summary>Saves an ML.NET model zip with an extra metadata entry (labels, calibration, options, cache key).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.Create(path);
        Save(file);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        _ml.Model.Save(_model, _inputSchema, buffer);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using (var w = zip.CreateEntry(MetadataEntryName, CompressionLevel.Optimal).Open())
            {
                JsonSerializer.Serialize(w, Metadata, JsonOptions);
            }
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    public static IntentClassifier Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.OpenRead(path);
        return Load(file);
    }

    public static IntentClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        IntentModelMetadata meta;
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
        {
            var entry = zip.GetEntry(MetadataEntryName)
                ?? throw new InvalidDataException($"Not a RelayDesk intent model: missing {MetadataEntryName}.");
            using var r = entry.Open();
            meta = JsonSerializer.Deserialize<IntentModelMetadata>(r, JsonOptions)
                ?? throw new InvalidDataException("Empty intent model metadata.");
        }

        if (meta.PipelineVersion != PipelineVersion)
        {
            throw new InvalidDataException($"Model pipeline version {meta.PipelineVersion} != {PipelineVersion}.");
        }

        buffer.Position = 0;
        var ml = new MLContext(seed: meta.Options.Seed);
        var model = ml.Model.Load(buffer, out var schema);
        return new IntentClassifier(ml, model, schema, meta);
    }

    /// <summary>
    /// SHA-256 (hex) over the pipeline version, the options and every (text, label) row in order.
    /// </summary>
    public static string ComputeCacheKey(IReadOnlyList<IntentExample> rows, IntentClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options ??= IntentClassifierOptions.Default;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(PipelineVersion + "\n" + JsonSerializer.Serialize(options, JsonOptions) + "\n"));
        foreach (var row in rows)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(row.Text + "\u001F" + row.Label + "\u001E"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_engines.TryTake(out var engine))
        {
            engine.Dispose();
        }
    }

    internal sealed class TrainRow
    {
        public string Text { get; set; } = "";

        public uint Label { get; set; }
    }

    internal sealed class TextInput
    {
        public string Text { get; set; } = "";
    }

    internal sealed class ScoreOutput
    {
        public float[] AllScores { get; set; } = [];
    }
}

/// <summary>Out-of-fold figures of the threshold choice (training data only).</summary>
public sealed record CalibrationSummary(
    double InScopeAccuracy, double OosRecall, double InScopeAccuracyAtZeroThreshold, double OosRecallAtZeroThreshold);

/// <summary>Stored beside the ML.NET model inside the zip.</summary>
internal sealed record IntentModelMetadata
{
    public string PipelineVersion { get; init; } = "";
    public string CacheKey { get; init; } = "";
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? OosLabel { get; init; }
    public float Temperature { get; init; } = 1f;
    public float Threshold { get; init; }
    public int TrainRows { get; init; }
    public int CalibrationFolds { get; init; }
    public CalibrationSummary? Calibration { get; init; }
    public IntentClassifierOptions Options { get; init; } = IntentClassifierOptions.Default;
}
