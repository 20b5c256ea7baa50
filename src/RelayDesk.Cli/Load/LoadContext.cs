namespace RelayDesk.Cli.Load;

/// <summary>What every customer and agent of one run shares: the clock, the measured window and the tallies.</summary>
internal sealed class LoadContext(LoadOptions options, TimeProvider clock, LoadStats stats)
{
    public LoadOptions Options { get; } = options;

    public TimeProvider Clock { get; } = clock;

    public LoadStats Stats { get; } = stats;

    /// <summary>The hub endpoints are resolved against this (always ends with a slash).</summary>
    public Uri BaseAddress { get; } = options.Target.AbsoluteUri.EndsWith('/') ? options.Target : new Uri(options.Target.AbsoluteUri + "/");

    public long WindowStart { get; private set; } = long.MaxValue;

    public long WindowEnd { get; private set; } = long.MaxValue;

    public void OpenWindow(long runStart)
    {
        WindowStart = runStart + Ticks(Options.Warmup);
        WindowEnd = WindowStart + Ticks(Options.Duration);
    }

    public bool InWindow(long timestamp) => timestamp >= WindowStart && timestamp < WindowEnd;

    public long Now() => Clock.GetTimestamp();

    public TimeSpan Since(long timestamp, long now) => Clock.GetElapsedTime(timestamp, now);

    public long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Clock.TimestampFrequency);

    /// <summary>Sorts a failed hub call into the report's error kinds.</summary>
    public void RecordFailure(Exception exception, string? kindForHubErrors = null)
    {
        switch (exception)
        {
            case Microsoft.AspNetCore.SignalR.HubException hub:
                Stats.RecordError(IsRateLimit(hub.Message) ? "rate_limited" : kindForHubErrors ?? "hub", hub.Message);
                break;
            case OperationCanceledException or TimeoutException:
                Stats.RecordError("timeout", $"no answer within {Options.CallTimeout.TotalSeconds:0} s");
                break;
            case HttpRequestException { StatusCode: System.Net.HttpStatusCode.TooManyRequests }:
                Stats.RecordError("rate_limited", "HTTP 429 Too Many Requests");
                break;
            default:
                Stats.RecordError(kindForHubErrors is "agent" ? "agent" : "connection", $"{exception.GetType().Name}: {exception.Message}");
                break;
        }
    }

    /// <summary>The customer hub's refusal when a connection calls too often (RateLimitTexts, English and German).</summary>
    private static bool IsRateLimit(string message) =>
        message.Contains("too quickly", StringComparison.OrdinalIgnoreCase) || message.Contains("zu schnell", StringComparison.OrdinalIgnoreCase);
}
