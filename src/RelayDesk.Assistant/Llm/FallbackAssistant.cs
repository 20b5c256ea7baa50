using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RelayDesk.Assistant.Conversation;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// The assistant when an LLM is configured: the model answers, and whenever it cannot — outage, timeout, open circuit,
/// an unusable answer, or the turn's budget spent — the embedded assistant answers instead, so the customer always
/// gets a reply and the escalation rules see the embedded assistant's signals.
/// </summary>
public sealed partial class FallbackAssistant(
    LlmAssistant primary,
    EmbeddedAssistant fallback,
    LlmMetrics metrics,
    IOptions<AssistantProviderOptions> options,
    TimeProvider clock,
    ILogger<FallbackAssistant> logger) : IAssistant
{
    public string Greeting(string language) => fallback.Greeting(language);

    public async Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        using var budget = new CancellationTokenSource(options.Value.OpenAI.TurnBudget, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            // Awaited without WaitAsync: a cancelled model call is left only once it has ended, so no request outlives
            // its turn (the turn handler's own timeout still bounds a call that ignored cancellation).
            return await primary.ReplyAsync(turn, linked.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = budget.IsCancellationRequested ? "timeout" : LlmFailures.Reason(exception);
            metrics.FellBack(reason);
            LogFellBack(logger, turn.ConversationId, reason, exception.GetType().Name);
            return await fallback.ReplyAsync(turn, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The LLM could not answer conversation {ConversationId} ({Reason}, {ExceptionType}); the embedded assistant answered")]
    private static partial void LogFellBack(ILogger logger, Guid conversationId, string reason, string exceptionType);
}
