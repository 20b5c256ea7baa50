namespace RelayDesk.Assistant.Handover;

/// <summary>One line of a transcript as the summariser sees it.</summary>
public sealed record TranscriptLine(long Seq, TranscriptAuthor Author, string Text);

public enum TranscriptAuthor
{
    Customer,
    Assistant,
    Agent,
    System,
}

/// <summary>Why the conversation came to a person (the escalation decision), as far as there is one.</summary>
public sealed record HandoverReason(string Reason, string RuleId, string? Evidence, string Priority, IReadOnlyList<string> Skills);

/// <summary>An account figure or action the conversation touched (from the errand audit trail), in words.</summary>
public sealed record AccountFact(string Text, DateTimeOffset At);

/// <summary>A sentence the customer wrote, chosen for the summary, with the message it came from.</summary>
public sealed record CustomerQuote(long Seq, string Text);

/// <summary>
/// The case in brief, for the agent who takes it: what the customer wants, their key sentences in their own words,
/// what the assistant did, the account facts touched, and why a person was brought in. Extractive: every line is the
/// customer's own text or a fact recorded by the desk — nothing is paraphrased or invented.
/// </summary>
public sealed record CaseSummary(
    IReadOnlyList<string> Intents,
    IReadOnlyList<string> Errands,
    IReadOnlyList<CustomerQuote> CustomerSaid,
    IReadOnlyList<string> AssistantDid,
    IReadOnlyList<AccountFact> AccountFacts,
    HandoverReason? Handover)
{
    /// <summary>The summary as plain text (English labels, the customer's quotes verbatim).</summary>
    public string ToText()
    {
        var lines = new List<string>
        {
            Errands.Count > 0 ? $"Errand: {string.Join("; ", Errands)}" : "Errand: not recognised",
        };
        lines.AddRange(CustomerSaid.Select(q => $"Customer: \"{q.Text}\""));
        lines.AddRange(AssistantDid.Select(a => $"Assistant: {a}"));
        lines.AddRange(AccountFacts.Select(f => $"Account: {f.Text}"));
        if (Handover is { } h)
        {
            lines.Add(h.Evidence is null ? $"Handed over: {h.Reason}" : $"Handed over: {h.Reason} (\"{h.Evidence}\")");
        }

        return string.Join('\n', lines);
    }
}

/// <summary>A reply the agent may send, edit or ignore — never sent without them.</summary>
public sealed record SuggestedReply(string Kind, string Text);
