using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Assistant.Handover;
using RelayDesk.Data;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.Agent;

/// <summary>
/// The agent's briefing on a conversation: an extractive case summary (errand, the customer's key sentences, what the
/// assistant did, account facts, why a person was brought in) and up to three suggested replies in the customer's
/// language. Suggestions only fill the agent's reply box; nothing is sent without the agent.
/// </summary>
public sealed class GetCaseAssist(ConversationStore store, RelayDeskDbContext db, CaseSummarizer summarizer, LlmCaseBriefing llm)
{
    /// <summary><paramref name="Source"/>: <c>embedded</c>, or <c>llm</c> when the configured model wrote the text and replies.</summary>
    public sealed record Response(CaseSummary Summary, string SummaryText, string Language, IReadOnlyList<SuggestedReply> SuggestedReplies, string Source);

    public async Task<Response> HandleAsync(Guid id, StaffMember agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var conversation = await store.LoadAsync(id, cancellationToken) ?? throw new ConversationNotFoundException(id);
        var transcript = conversation.Messages
            .Select(m => new TranscriptLine(m.Seq, Author(m.Author), m.Text))
            .ToList();
        var handover = EscalationView.From(conversation) is { } e
            ? new HandoverReason(e.Reason, e.RuleId, e.Evidence, e.Priority, e.Skills)
            : null;
        var summary = summarizer.Summarize(transcript, handover, await AccountFactsAsync(id, cancellationToken));
        var suggested = ReplySuggester.Suggest(summary, conversation.Language, agent.DisplayName);
        var written = await llm.TryWriteAsync(id, transcript, summary, conversation.Language, agent.DisplayName, conversation.CustomerId, cancellationToken);
        return written is null
            ? new Response(summary, summary.ToText(), conversation.Language, suggested, "embedded")
            : new Response(summary, written.Summary, conversation.Language, written.Replies.Count > 0 ? written.Replies : suggested, "llm");
    }

    /// <summary>The account errands run in this conversation (by the assistant, the customer or an agent), from the audit trail.</summary>
    private async Task<IReadOnlyList<AccountFact>> AccountFactsAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var records = await db.AuditRecords.AsNoTracking()
            .Where(a => a.ConversationId == conversationId)
            .OrderBy(a => a.Id)
            .Select(a => new { a.At, a.ActorKind, a.Errand, a.PurchaseNumber, a.Outcome, a.Code, a.Result })
            .ToListAsync(cancellationToken);
        return [.. records.Select(a =>
        {
            var what = a.PurchaseNumber is null ? a.Errand : $"{a.Errand} {a.PurchaseNumber}";
            var outcome = a.Code is "ok" ? a.Outcome : $"{a.Outcome} ({a.Code})";
            var message = ResultMessage(a.Result);
            return new AccountFact(message is null ? $"{a.ActorKind}: {what} — {outcome}" : $"{a.ActorKind}: {what} — {outcome}: {message}", a.At);
        })];
    }

    private static string? ResultMessage(string? result)
    {
        if (result is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(result);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && (json.RootElement.TryGetProperty("Message", out var m) || json.RootElement.TryGetProperty("message", out m))
                && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TranscriptAuthor Author(MessageAuthor author) => author switch
    {
        MessageAuthor.Customer => TranscriptAuthor.Customer,
        MessageAuthor.Assistant => TranscriptAuthor.Assistant,
        MessageAuthor.Agent => TranscriptAuthor.Agent,
        _ => TranscriptAuthor.System,
    };

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/conversations/{id:guid}/assist", async (Guid id, ClaimsPrincipal user, CurrentAgent current, GetCaseAssist handler, CancellationToken ct) =>
                await handler.HandleAsync(id, await current.ResolveAsync(user), ct))
            .WithName("GetCaseAssist")
            .WithSummary("Case summary and suggested replies for the agent (never sent automatically).");
}
