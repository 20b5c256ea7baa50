using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RelayDesk.Assistant.Llm;

namespace RelayDesk.Assistant.Handover;

/// <summary>A model-written briefing: a short summary and up to three replies for the agent to edit.</summary>
public sealed record LlmBriefing(string Summary, IReadOnlyList<SuggestedReply> Replies);

/// <summary>
/// With <c>Assistant:Provider=OpenAI</c>, the agent's briefing is written by the model: a few sentences on the case
/// and up to three replies in the customer's language — from the redacted transcript and the desk's extractive
/// summary (errands, account facts, hand-over reason), never with personal data. Any failure (outage, timeout, open
/// circuit, an answer that is not the JSON asked for) returns null, and the agent gets the embedded briefing. A briefing
/// is written once per conversation state (its last message and the facts, see <see cref="BriefingCache"/>): refreshing
/// the workspace or a second agent looking costs no second model call; a new message does.
/// </summary>
public sealed partial class LlmCaseBriefing(
    LlmChatClientSource chatClients,
    IOptions<AssistantProviderOptions> options,
    LlmMetrics metrics,
    IServiceScopeFactory scopes,
    ILogger<LlmCaseBriefing> logger)
{
    public const int TranscriptLimit = 30;

    /// <summary>How many conversation states keep their briefing (the least recently used are dropped first).</summary>
    public const int CacheCapacity = 512;

    private readonly BriefingCache _cache = new(CacheCapacity);

    public bool IsConfigured => options.Value.Provider == AssistantProvider.OpenAI;

    public async Task<LlmBriefing?> TryWriteAsync(
        Guid conversationId, IReadOnlyList<TranscriptLine> transcript, CaseSummary summary, string language, string agentName, string? customerId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(agentName);
        if (!IsConfigured)
        {
            return null;
        }

        var prompt = Prompt(transcript, summary, language, agentName);
        var key = new BriefingCache.Key(conversationId, transcript.Count == 0 ? 0 : transcript.Max(l => l.Seq), Fingerprint(prompt));

        // The shared call runs to its own budget, whoever asked first: an agent closing the panel does not cancel it for the others.
        return await _cache.GetOrAdd(key, () => WriteAsync(prompt, customerId, CancellationToken.None)).WaitAsync(cancellationToken);
    }

    private async Task<LlmBriefing?> WriteAsync(List<ChatMessage> prompt, string? customerId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (client, redactor) = await chatClients.CreateRedactingAsync(scope.ServiceProvider, customerId, outer: null, cancellationToken);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(options.Value.OpenAI.TurnBudget);
            var response = await client.GetResponseAsync(prompt,
                new ChatOptions { Temperature = options.Value.OpenAI.Temperature, MaxOutputTokens = options.Value.OpenAI.MaxOutputTokens }, budget.Token);
            return Parse(response.Text, redactor);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.Failed("briefing");
            LogFailed(logger, exception);
            return null;
        }
    }

    /// <summary>The prompt in short: besides the last message, the briefing depends on the agent, the language and the desk's facts.</summary>
    private static string Fingerprint(List<ChatMessage> prompt) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n\u0001\n", prompt.Select(m => m.Text)))))[..32];

    private static List<ChatMessage> Prompt(IReadOnlyList<TranscriptLine> transcript, CaseSummary summary, string language, string agentName)
    {
        var system = $$"""
            You help a human customer-service agent of a Buy Now, Pay Later provider take over a chat.
            Reply with ONE JSON object and nothing else: {"summary": "...", "replies": ["...", "..."]}.
            - summary: 2–4 sentences in English for the agent: what the customer wants, what happened, why a person is needed.
              Use only what the transcript and the facts say.
            - replies: 1–3 short messages the agent ({{agentName.Split(' ')[0]}}) could send next, in the customer's language ({{(language == "de" ? "German, formal Sie" : "English")}}).
              Never repeat questions the customer already answered, never promise anything the facts do not show, no amounts or dates
              unless they appear in the facts.
            Placeholders like [EMAIL_1] stand for personal data; keep them as they are.
            """;
        var facts = summary.ToText();
        var lines = transcript.OrderBy(l => l.Seq).TakeLast(TranscriptLimit)
            .Select(l => $"{l.Author.ToString().ToLowerInvariant()}: {l.Text}");
        return
        [
            new(ChatRole.System, system),
            new(ChatRole.User, $"Facts recorded by the desk:\n{facts}\n\nTranscript:\n{string.Join('\n', lines)}"),
        ];
    }

    private static LlmBriefing Parse(string text, PersonalDataRedactor redactor)
    {
        var json = text.Trim();
        if (json.StartsWith("```", StringComparison.Ordinal))
        {
            json = json.Trim('`').Trim();
            json = json.StartsWith("json", StringComparison.OrdinalIgnoreCase) ? json[4..] : json;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var summary = root.GetProperty("summary").GetString();
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new LlmResponseException("The briefing has no summary.");
        }

        var replies = root.TryGetProperty("replies", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => r.GetString()).Where(r => !string.IsNullOrWhiteSpace(r)).Take(ReplySuggester.MaxReplies)
                .Select(r => new SuggestedReply("llm", redactor.Restore(r!.Trim(), maskPaymentData: true))).ToList()
            : [];
        return new LlmBriefing(redactor.Restore(summary.Trim(), maskPaymentData: true), replies);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model could not write the agent briefing; the embedded briefing is shown")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
