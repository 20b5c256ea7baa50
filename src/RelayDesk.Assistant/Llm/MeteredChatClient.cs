using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace RelayDesk.Assistant.Llm;

/// <summary>Measures and logs every single call to the model (a turn with tool calls makes several).</summary>
internal sealed partial class MeteredChatClient(IChatClient inner, string model, LlmMetrics metrics, TimeProvider clock, ILogger logger)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception exception)
        {
            var failedAfter = clock.GetElapsedTime(started);
            var reason = LlmFailures.Reason(exception);
            metrics.CallFailed(model, failedAfter, reason);
            LogCallFailed(logger, model, failedAfter.TotalMilliseconds, reason);
            throw;
        }

        var elapsed = clock.GetElapsedTime(started);
        var input = response.Usage?.InputTokenCount;
        var output = response.Usage?.OutputTokenCount;
        metrics.CallCompleted(model, elapsed, input, output);
        LogCall(logger, model, elapsed.TotalMilliseconds, input ?? 0, output ?? 0);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM call to {Model} took {ElapsedMs:F0} ms: {InputTokens} input tokens, {OutputTokens} output tokens")]
    private static partial void LogCall(ILogger logger, string model, double elapsedMs, long inputTokens, long outputTokens);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM call to {Model} failed after {ElapsedMs:F0} ms ({Reason})")]
    private static partial void LogCallFailed(ILogger logger, string model, double elapsedMs, string reason);
}
