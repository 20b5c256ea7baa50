namespace RelayDesk.Assistant.Nlu;

/// <summary>A label with its calibrated probability.</summary>
public readonly record struct IntentScore(string Label, float Probability);

/// <summary>
/// Result of <see cref="IntentClassifier.Predict"/>. <see cref="Label"/> is the most probable label (which may
/// itself be the out-of-scope label); <see cref="IsOutOfScope"/> is true when that label is the out-of-scope
/// label, when <see cref="Confidence"/> is below the model's threshold, or when the text is empty after
/// normalisation. Callers route out-of-scope queries to the fallback (search / human).
/// </summary>
public sealed record IntentPrediction(string Label, float Confidence, bool IsOutOfScope, IReadOnlyList<IntentScore> Top)
{
    /// <summary>The label to act on: <paramref name="oosLabel"/> when out of scope, else <see cref="Label"/>.</summary>
    public string ResolvedLabel(string oosLabel) => IsOutOfScope ? oosLabel : Label;
}
