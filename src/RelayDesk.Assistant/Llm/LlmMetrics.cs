using System.Diagnostics.Metrics;

namespace RelayDesk.Assistant.Llm;

/// <summary>
/// The LLM provider's instruments, on the meter <see cref="MeterName"/>: every model call's latency and tokens, its
/// failures, and the turns the embedded assistant had to answer instead.
/// </summary>
public sealed class LlmMetrics
{
    public const string MeterName = "RelayDesk.Assistant.Llm";
    public const string CallDurationName = "relaydesk.assistant.llm.call.duration";
    public const string InputTokensName = "relaydesk.assistant.llm.tokens.input";
    public const string OutputTokensName = "relaydesk.assistant.llm.tokens.output";
    public const string FailuresName = "relaydesk.assistant.llm.failures";
    public const string FallbacksName = "relaydesk.assistant.llm.fallbacks";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _inputTokens;
    private readonly Counter<long> _outputTokens;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _fallbacks;

    public LlmMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _duration = meter.CreateHistogram<double>(CallDurationName, "s", "How long one call to the model took, successful or not.");
        _inputTokens = meter.CreateCounter<long>(InputTokensName, "{token}", "Tokens sent to the model.");
        _outputTokens = meter.CreateCounter<long>(OutputTokensName, "{token}", "Tokens the model wrote.");
        _failures = meter.CreateCounter<long>(FailuresName, "{call}", "Model calls or turns that failed, by reason.");
        _fallbacks = meter.CreateCounter<long>(FallbacksName, "{turn}", "Turns the embedded assistant answered because the model could not, by reason.");
    }

    public void CallCompleted(string model, TimeSpan elapsed, long? inputTokens, long? outputTokens)
    {
        var tag = new KeyValuePair<string, object?>("model", model);
        _duration.Record(elapsed.TotalSeconds, tag, new("outcome", "success"));
        if (inputTokens is { } input)
        {
            _inputTokens.Add(input, tag);
        }

        if (outputTokens is { } output)
        {
            _outputTokens.Add(output, tag);
        }
    }

    public void CallFailed(string model, TimeSpan elapsed, string reason)
    {
        _duration.Record(elapsed.TotalSeconds, new("model", model), new("outcome", "failure"));
        Failed(reason);
    }

    public void Failed(string reason) => _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void FellBack(string reason) => _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
