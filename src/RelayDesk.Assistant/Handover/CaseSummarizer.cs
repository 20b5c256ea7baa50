using System.Text.RegularExpressions;
using RelayDesk.Assistant.Accounts;
using RelayDesk.Assistant.Conversation;
using RelayDesk.Assistant.Nlu;

namespace RelayDesk.Assistant.Handover;

/// <summary>
/// Builds the <see cref="CaseSummary"/> an agent reads before answering: the errands (intents of the customer's
/// messages, by the embedded classifier), up to <see cref="MaxQuotes"/> of the customer's own sentences — those that
/// carry the hand-over evidence, figures (amounts, dates, order numbers) or an errand score highest — what the assistant
/// answered or failed to, the account facts, and the hand-over reason. Deterministic and offline.
/// </summary>
public sealed partial class CaseSummarizer(IIntentRecognizer intents)
{
    public const int MaxQuotes = 3;
    public const int MaxQuoteLength = 200;

    public CaseSummary Summarize(IReadOnlyList<TranscriptLine> transcript, HandoverReason? handover, IReadOnlyList<AccountFact> facts)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(facts);
        var customer = transcript.Where(l => l.Author == TranscriptAuthor.Customer).OrderBy(l => l.Seq).ToList();

        var errandIntents = new List<string>();
        var candidates = new List<(CustomerQuote Quote, int Score)>();
        var firstSeq = customer.FirstOrDefault()?.Seq;
        foreach (var line in customer)
        {
            var intent = Errand(line.Text);
            if (intent is not null && !errandIntents.Contains(intent))
            {
                errandIntents.Add(intent);
            }

            foreach (var sentence in Sentences(line.Text))
            {
                var score = 0;
                if (handover?.Evidence is { Length: > 0 } evidence
                    && (sentence.Contains(evidence, StringComparison.OrdinalIgnoreCase) || evidence.Contains(sentence, StringComparison.OrdinalIgnoreCase)))
                {
                    score += 3;
                }

                score += sentence.Any(char.IsDigit) ? 2 : 0;
                score += line.Seq == firstSeq ? 1 : 0;
                score += Errand(sentence) is not null ? 1 : 0;
                score += sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4 ? 1 : 0;
                candidates.Add((new CustomerQuote(line.Seq, Shorten(sentence)), score));
            }
        }

        var quotes = candidates
            .Select((c, order) => (c.Quote, c.Score, Order: order))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Order)
            .Take(MaxQuotes)
            .OrderBy(c => c.Order)
            .Select(c => c.Quote)
            .ToList();

        return new CaseSummary(
            errandIntents,
            [.. errandIntents.Select(i => IntentNames.For(i, "en"))],
            quotes,
            AssistantActions(transcript),
            facts,
            handover);
    }

    private string? Errand(string text) =>
        intents.Recognize(text) is { IsOutOfScope: false } p && p.Confidence >= EmbeddedAssistant.IntentConfidence && !IntentNames.IsSmallTalk(p.Label)
            ? p.Label
            : null;

    /// <summary>What the assistant did, read from its messages: help articles it answered with, misses, other replies.</summary>
    private static List<string> AssistantActions(IReadOnlyList<TranscriptLine> transcript)
    {
        var articles = new List<string>();
        var replies = new List<string>();
        var misses = 0;
        foreach (var line in transcript.Where(l => l.Author == TranscriptAuthor.Assistant).OrderBy(l => l.Seq))
        {
            if (AssistantTexts.IsSmallTalk(line.Text))
            {
                continue;
            }

            if (AssistantTexts.IsNotUnderstood(line.Text))
            {
                misses++;
            }
            else if (AssistantTexts.ArticleTitle(line.Text) is { } title)
            {
                articles.Add($"'{title}'");
            }
            else if (PurchaseChoice.Read(line.Text) is { } choice)
            {
                replies.Add($"asked which purchase ({choice.Intent}; {string.Join(", ", choice.Numbers)})");
            }
            else
            {
                replies.Add($"replied \"{Shorten(Sentences(line.Text).FirstOrDefault() ?? line.Text)}\"");
            }
        }

        var actions = new List<string>();
        if (articles.Count > 0)
        {
            actions.Add($"answered from help articles: {string.Join(", ", articles.Distinct(StringComparer.Ordinal))}");
        }

        actions.AddRange(replies);
        if (misses > 0)
        {
            actions.Add(misses == 1 ? "did not understand one message" : $"did not understand {misses} messages");
        }

        if (actions.Count == 0)
        {
            actions.Add("only greeted the customer");
        }

        return actions;
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Any(char.IsLetterOrDigit));

    private static string Shorten(string sentence) =>
        sentence.Length <= MaxQuoteLength ? sentence : string.Concat(sentence.AsSpan(0, MaxQuoteLength - 1).TrimEnd(), "…");

    [GeneratedRegex(@"(?<=[.!?…])\s+|\n+")]
    private static partial Regex SentenceBreak();
}
