using System.Collections.Concurrent;
using HdrHistogram;

namespace RelayDesk.Cli.Load;

/// <summary>
/// What one run measured, filled from many callbacks at once. Latencies go into HdrHistograms (microseconds, three
/// significant digits), so memory stays fixed however long the run is.
/// </summary>
internal sealed class LoadStats
{
    private static readonly long HighestMicroseconds = (long)TimeSpan.FromHours(2).TotalMicroseconds;
    private readonly Lock _gate = new();
    private readonly LongHistogram _ack = new(HighestMicroseconds, 3);
    private readonly LongHistogram _answer = new(HighestMicroseconds, 3);
    private readonly ConcurrentDictionary<(string Kind, string Message), int> _errors = new();
    private long _sent;
    private long _acked;
    private long _ackedInWindow;
    private long _connectionsDropped;
    private long _humanRequests;

    public long Sent => Interlocked.Read(ref _sent);

    public long Acked => Interlocked.Read(ref _acked);

    public long AckedInWindow => Interlocked.Read(ref _ackedInWindow);

    public long ConnectionsDropped => Interlocked.Read(ref _connectionsDropped);

    public long HumanRequests => Interlocked.Read(ref _humanRequests);

    public void CountSent() => Interlocked.Increment(ref _sent);

    public void CountHumanRequest() => Interlocked.Increment(ref _humanRequests);

    public void CountDrop() => Interlocked.Increment(ref _connectionsDropped);

    /// <summary>An acknowledgement: its latency counts when the message was scheduled in the measured window, the ack itself when it arrived there.</summary>
    public void RecordAck(TimeSpan latency, bool scheduledInWindow, bool arrivedInWindow)
    {
        Interlocked.Increment(ref _acked);
        if (arrivedInWindow)
        {
            Interlocked.Increment(ref _ackedInWindow);
        }

        if (scheduledInWindow)
        {
            Record(_ack, latency);
        }
    }

    public void RecordAnswer(TimeSpan latency) => Record(_answer, latency);

    public void RecordError(string kind, string message) => _errors.AddOrUpdate((kind, message), 1, (_, n) => n + 1);

    public LatencySummary AckLatency() => Summarise(_ack);

    public LatencySummary AnswerLatency() => Summarise(_answer);

    public ErrorSummary Errors()
    {
        var all = _errors.ToArray();
        var byKind = all.GroupBy(e => e.Key.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Sum(e => e.Value));
        var top = all.OrderByDescending(e => e.Value).ThenBy(e => e.Key.Kind, StringComparer.Ordinal).Take(10)
            .Select(e => new ErrorLine(e.Key.Kind, e.Key.Message, e.Value)).ToList();
        return new ErrorSummary(byKind.Values.Sum(), byKind, top);
    }

    private void Record(LongHistogram histogram, TimeSpan latency)
    {
        var micros = Math.Clamp((long)latency.TotalMicroseconds, 0, HighestMicroseconds);
        lock (_gate)
        {
            histogram.RecordValue(micros);
        }
    }

    private LatencySummary Summarise(LongHistogram histogram)
    {
        lock (_gate)
        {
            if (histogram.TotalCount == 0)
            {
                return LatencySummary.Empty;
            }

            return new LatencySummary(histogram.TotalCount, Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(95)),
                Ms(histogram.GetValueAtPercentile(99)), Ms(histogram.GetMaxValue()));
        }
    }

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 2);
}

/// <summary>Latency percentiles in milliseconds; null when nothing was measured.</summary>
internal sealed record LatencySummary(long Count, double? P50, double? P95, double? P99, double? Max)
{
    public static readonly LatencySummary Empty = new(0, null, null, null, null);
}

internal sealed record ErrorLine(string Kind, string Message, long Count);

/// <summary>Errors by kind (rate_limited, hub, timeout, connection, start_failed, connect_failed, agent, check) and the most frequent messages.</summary>
internal sealed record ErrorSummary(long Total, IReadOnlyDictionary<string, long> ByKind, IReadOnlyList<ErrorLine> Top);
