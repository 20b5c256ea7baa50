namespace RelayDesk.Domain.Escalation;

/// <summary>
/// What the rules remember between turns of one conversation: how often in a row the assistant missed, how often it
/// answered the same intent, how many turns in a row sounded negative, and the customer's recent messages (to notice
/// a repeated question). Immutable; <see cref="After"/> gives the memory after a turn.
/// </summary>
public sealed record EscalationMemory(
    int MissStreak,
    string? LastIntent,
    int IntentStreak,
    int NegativeStreak,
    IReadOnlyList<string> RecentTexts,
    bool LastTurnWasRefusal)
{
    /// <summary>How many recent customer messages are kept for the repetition check.</summary>
    public const int RecentTextCount = 5;

    public static EscalationMemory Empty { get; } = new(0, null, 0, 0, [], false);

    /// <summary>The memory after a completed assistant turn.</summary>
    public EscalationMemory After(string text, TurnSignals signals, bool soundedNegative)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var normalized = TextNormalizer.Normalize(text);
        var sameIntent = signals.Intent is not null && signals.Intent == LastIntent;
        return new EscalationMemory(
            MissStreak: signals.Missed || signals.AssistantFailed ? MissStreak + 1 : 0,
            LastIntent: signals.Intent,
            IntentStreak: signals.Intent is null ? 0 : sameIntent ? IntentStreak + 1 : 1,
            NegativeStreak: soundedNegative ? NegativeStreak + 1 : 0,
            RecentTexts: [.. RecentTexts.Append(normalized).TakeLast(RecentTextCount)],
            LastTurnWasRefusal: signals.PolicyRefusal);
    }
}
