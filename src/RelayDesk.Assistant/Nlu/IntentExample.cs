namespace RelayDesk.Assistant.Nlu;

/// <summary>One labelled utterance.</summary>
public sealed record IntentExample(string Text, string Label);

/// <summary>Result of <see cref="IntentDataset.StratifiedSplit"/>.</summary>
public sealed record DatasetSplit(IReadOnlyList<IntentExample> Train, IReadOnlyList<IntentExample> Holdout);
