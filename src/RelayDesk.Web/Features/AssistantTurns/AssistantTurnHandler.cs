using Microsoft.Extensions.Options;
using RelayDesk.Assistant;
using RelayDesk.Assistant.Nlu;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Features.AssistantTurns;

/// <summary>
/// Gives the latest customer message to the assistant, with the escalation rules checked before the turn (explicit
/// requests, never-AI topics, frustration — without the assistant, so no assistant failure can block them) and after
/// it (the assistant's own signals: misses, loops, failures). An assistant that throws or times out hands the
/// conversation to a person. The instance that stored the customer message claimed its turn in the same transaction;
/// a turn picked up otherwise (recovery) is claimed first (<see cref="TurnClaims"/>), so a message is answered by one
/// instance only. Several messages the customer sent before the assistant could answer get one answer that says so,
/// and the escalation rules read all of them. Only the recent part of the transcript is read, so a turn costs the same
/// in a long chat as in a short one.
/// </summary>
public sealed partial class AssistantTurnHandler(
    ConversationStore store,
    RecentTranscripts recent,
    TurnClaims claims,
    IAssistant assistant,
    ILanguageDetector languages,
    EscalationRuleSet rules,
    IOptions<AssistantOptions> options,
    TimeProvider clock,
    ILogger<AssistantTurnHandler> logger)
{
    /// <summary>How much of the transcript a turn reads: the assistant's context and the open "which purchase?" question.</summary>
    public const int RecentMessages = 40;

    public async Task<TurnOutcome> HandleAsync(AssistantWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var conversationId = work.ConversationId;
        Conversation? conversation;
        IReadOnlyList<Message> messages;
        if (work.ClaimedSeq is not { } seq || !recent.TryGet(conversationId, seq, out conversation, out messages))
        {
            conversation = await store.LoadRecentAsync(conversationId, RecentMessages, cancellationToken);
            messages = conversation?.Messages ?? [];
        }

        var unanswered = conversation is null ? [] : UnansweredCustomerMessages(conversation, messages);
        if (conversation is null || unanswered.Count == 0)
        {
            return TurnOutcome.NothingPending;
        }

        var pending = unanswered[^1];
        if (work.ClaimedSeq is { } claimed)
        {
            if (claimed < pending.Seq)
            {
                return TurnOutcome.NothingPending; // The customer wrote again: that message's turn answers both.
            }
        }
        else if (!await claims.TryClaimAsync(conversationId, pending.Seq, cancellationToken))
        {
            return TurnOutcome.ClaimedElsewhere;
        }

        var text = string.Join('\n', unanswered.Select(m => m.Text));

        // A customer who writes in the other language is answered (and routed) in it; unsure detections change nothing.
        var language = languages.Detect(text) is { IsConfident: true } detected ? detected.Language : conversation.Language;
        var memory = conversation.Memory;
        var decision = rules.Decide(EscalationInput.BeforeAssistant(text, language, memory));
        var signals = TurnSignals.None;
        string? answer = null;
        if (!decision.Escalate)
        {
            var history = messages.Where(m => m.Seq < unanswered[0].Seq).OrderBy(m => m.Seq)
                .Select(m => new AssistantHistoryLine(m.Author, m.Text)).ToList();
            var turn = new AssistantTurn(conversationId, language, text, conversation.CustomerId, history);
            var reply = await AskAssistantAsync(turn, cancellationToken);
            signals = reply.Signals;
            answer = reply.Text;
            if (string.IsNullOrWhiteSpace(answer))
            {
                // Silence is never an answer: a turn without one counts as a failure.
                signals = signals with { AssistantFailed = true, FailureDetail = signals.FailureDetail ?? "The assistant gave no answer." };
            }

            decision = rules.Decide(new EscalationInput(text, language, signals, memory, []));
            if (!decision.Escalate && string.IsNullOrWhiteSpace(answer))
            {
                decision = EscalationDecision.TurnFailed(signals.FailureDetail!);
            }
        }

        if (answer is not null && unanswered.Count > 1)
        {
            answer = HandoffTexts.CoveringMessages(language, unanswered.Count) + "\n" + answer;
        }

        var remembered = memory.After(text, signals, rules.SoundsNegative(text));
        var stored = await store.ExecuteOnHeadAsync(conversationId, null, (c, _) =>
        {
            if (PendingCustomerMessage(c)?.Seq != pending.Seq)
            {
                return false; // A person took over, or the customer wrote again (that turn is answered on its own).
            }

            var now = clock.GetUtcNow();
            c.SwitchLanguage(language);
            c.RememberTurn(remembered);
            if (decision.Escalate)
            {
                c.Append(MessageAuthor.System, HandoffTexts.FindingPerson(c.Language), now);
                c.RequestHuman(decision, now);
            }
            else if (answer is not null)
            {
                c.Append(MessageAuthor.Assistant, answer, now);
            }

            return true;
        }, cancellationToken);
        return stored ? TurnOutcome.Answered : TurnOutcome.NothingPending;
    }

    /// <summary>
    /// The last resort when a turn could not be completed at all (e.g. a storage error): the customer must not be left
    /// with an assistant that will never answer, so a person takes over.
    /// </summary>
    public Task HandOverAfterFailureAsync(Guid conversationId, string detail, CancellationToken cancellationToken) =>
        store.ExecuteOnHeadAsync(conversationId, null, (c, _) =>
        {
            if (PendingCustomerMessage(c) is null)
            {
                return false;
            }

            var now = clock.GetUtcNow();
            c.Append(MessageAuthor.System, HandoffTexts.FindingPerson(c.Language), now);
            c.RequestHuman(EscalationDecision.TurnFailed(detail), now);
            return true;
        }, cancellationToken);

    private async Task<AssistantReply> AskAssistantAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.TurnTimeout);
        try
        {
            return await assistant.ReplyAsync(turn, timeout.Token).WaitAsync(timeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var detail = exception is OperationCanceledException ? "The assistant timed out." : "The assistant failed.";
            LogAssistantFailed(logger, exception, turn.ConversationId);
            return new AssistantReply(null, new TurnSignals { AssistantFailed = true, FailureDetail = detail });
        }
    }

    /// <summary>
    /// The customer's messages since anyone else last spoke (oldest first), if the assistant still serves the chat; empty
    /// when there is nothing to answer.
    /// </summary>
    private static List<Message> UnansweredCustomerMessages(Conversation conversation, IReadOnlyList<Message> messages)
    {
        if (conversation.State != ConversationState.Assistant)
        {
            return [];
        }

        var recent = messages.OrderByDescending(m => m.Seq).TakeWhile(m => m.Author == MessageAuthor.Customer).ToList();
        recent.Reverse();
        return recent;
    }

    /// <summary>The customer message the assistant has not answered yet, if the assistant still serves the chat.</summary>
    private static Message? PendingCustomerMessage(Conversation conversation) =>
        UnansweredCustomerMessages(conversation, conversation.Messages).LastOrDefault();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Assistant turn failed for conversation {ConversationId}; handing over to a person")]
    private static partial void LogAssistantFailed(ILogger logger, Exception exception, Guid conversationId);
}

/// <summary>What became of a turn the worker handed to the handler.</summary>
public enum TurnOutcome
{
    /// <summary>The assistant answered, or the conversation went to a person.</summary>
    Answered,

    /// <summary>No customer message awaited the assistant (answered already, or a person took over).</summary>
    NothingPending,

    /// <summary>Another live instance is answering this message.</summary>
    ClaimedElsewhere,
}
