namespace RelayDesk.Domain.Escalation;

/// <summary>
/// One rule as configured (a JSON rules file). Patterns are .NET regular expressions over the folded text
/// (<see cref="TextNormalizer"/>: lower case, <c>ä</c> as <c>ae</c>, …), listed per language; all languages are checked
/// on every message because customers mix them.
/// </summary>
public sealed class EscalationRuleDefinition
{
    public string Id { get; set; } = string.Empty;

    public EscalationRuleKind Kind { get; set; }

    /// <summary>Disabled rules are skipped. The explicit-request rule cannot be disabled. Default true.</summary>
    public bool Enabled { get; set; } = true;

    public EscalationPriority Priority { get; set; }

    /// <summary>What the agent reads as the reason for the hand-over.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>The skills the person taking over needs (e.g. <c>hardship</c>, <c>fraud</c>).</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>Per language: a match is evidence for the rule.</summary>
    public Dictionary<string, List<string>> Patterns { get; set; } = [];

    /// <summary>Per language: when one of these matches the message, the rule's patterns are ignored (hard negatives).</summary>
    public Dictionary<string, List<string>> Exclusions { get; set; } = [];

    /// <summary>Frustration only: cues strong enough to reach the threshold alone (profanity, insults).</summary>
    public Dictionary<string, List<string>> StrongPatterns { get; set; } = [];

    /// <summary>Frustration: the score that escalates (default 2). Amount: the amount in EUR (default 1,000).</summary>
    public double? Threshold { get; set; }

    /// <summary>Frustration: negative turns in a row that escalate (default 2). Assistant failure: misses in a row (default 2).</summary>
    public int? Count { get; set; }

    /// <summary>Assistant failure: the same intent this many times in a row is a loop (default 3).</summary>
    public int? LoopCount { get; set; }

    /// <summary>Customer flag: the flags that always get a person.</summary>
    public List<string> Flags { get; set; } = [];
}
