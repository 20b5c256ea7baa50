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
/// conversation to a person. With several instances, the turn is claimed first (<see cref="TurnClaims"/>), so a
/// message is answered by one of them only.
/// </summary>
public sealed partial class AssistantTurnHandler(
    ConversationStore store,
    TurnClaims claims,
    IAssistant assistant,
    ILanguageDetector languages,
    EscalationRuleSet rules,
    IOptions<AssistantOptions> options,
    TimeProvider clock,
    ILogger<AssistantTurnHandler> logger)
{
    public async Task<TurnOutcome> HandleAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var conversation = await store.LoadAsync(conversationId, cancellationToken);
        var pending = conversation is null ? null : PendingCustomerMessage(conversation);
        if (conversation is null || pending is null)
        {
            return TurnOutcome.NothingPending;
        }

        if (!await claims.TryClaimAsync(conversationId, pending.Seq, cancellationToken))
        {
            return TurnOutcome.ClaimedElsewhere;
        }

        // A customer who writes in the other language is answered (and routed) in it; unsure detections change nothing.
        var language = languages.Detect(pending.Text) is { IsConfident: true } detected ? detected.Language : conversation.Language;
        var memory = conversation.Memory;
        var decision = rules.Decide(EscalationInput.BeforeAssistant(pending.Text, language, memory));
        var signals = TurnSignals.None;
        string? answer = null;
        if (!decision.Escalate)
        {
            var history = conversation.Messages.Where(m => m.Seq < pending.Seq).OrderBy(m => m.Seq)
                .Select(m => new AssistantHistoryLine(m.Author, m.Text)).ToList();
            var turn = new AssistantTurn(conversationId, language, pending.Text, conversation.CustomerId, history);
            var reply = await AskAssistantAsync(turn, cancellationToken);
            signals = reply.Signals;
            answer = reply.Text;
            if (string.IsNullOrWhiteSpace(answer))
            {
                // Silence is never an answer: a turn without one counts as a failure.
                signals = signals with { AssistantFailed = true, FailureDetail = signals.FailureDetail ?? "The assistant gave no answer." };
            }

            decision = rules.Decide(new EscalationInput(pending.Text, language, signals, memory, []));
            if (!decision.Escalate && string.IsNullOrWhiteSpace(answer))
            {
                decision = EscalationDecision.TurnFailed(signals.FailureDetail!);
            }
        }

        var remembered = memory.After(pending.Text, signals, rules.SoundsNegative(pending.Text));
        var stored = await store.ExecuteAsync(conversationId, c =>
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
        store.ExecuteAsync(conversationId, c =>
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

    /// <summary>The customer message the assistant has not answered yet, if the assistant still serves the chat.</summary>
    private static Message? PendingCustomerMessage(Conversation conversation)
    {
        if (conversation.State != ConversationState.Assistant)
        {
            return null;
        }

        var last = conversation.Messages.MaxBy(m => m.Seq);
        return last?.Author == MessageAuthor.Customer ? last : null;
    }

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
