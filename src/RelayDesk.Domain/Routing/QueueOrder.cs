using System.Globalization;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Domain.Routing;

/// <summary>
/// The queue's order, with aging. Urgent cases (never-AI topics, vulnerable customers) come first, longest waiting
/// first. Among the others a higher priority counts as a head start of waiting time: a high case is treated as if it
/// had been asked for <see cref="HighHeadStart"/> earlier. So a normal case that has waited longer than that rises
/// above a high case that just arrived — nobody waits forever behind a stream of more urgent work.
/// </summary>
/// <remarks>
/// The sort key (tier, effective request time, id) does not change while cases wait, so the queues can be kept as
/// sorted sets and never re-sorted; ties are broken by id, so the order is deterministic.
/// </remarks>
public sealed class QueueOrder
{
    /// <summary>The demo desk's order: a high case counts as five minutes of extra waiting.</summary>
    public static QueueOrder Default { get; } = new(TimeSpan.FromMinutes(5));

    public QueueOrder(TimeSpan highHeadStart)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(highHeadStart, TimeSpan.Zero);
        HighHeadStart = highHeadStart;
    }

    public TimeSpan HighHeadStart { get; }

    public QueueKey KeyOf(QueuedCase queued)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var headStart = queued.Priority == EscalationPriority.High ? HighHeadStart : TimeSpan.Zero;
        return new QueueKey(queued.FirstInLine ? 0 : 1, (queued.RequestedAt - headStart).UtcTicks, queued.Id);
    }

    /// <summary>Why a case stands where it stands, in words a supervisor can check.</summary>
    public string Explain(QueuedCase queued, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(queued);
        var waited = Describe(now - queued.RequestedAt);
        if (queued.FirstInLine)
        {
            return $"Urgent (never-AI topic or vulnerable customer): served before all others; waiting {waited}.";
        }

        return queued.Priority == EscalationPriority.High
            ? $"High priority counts as {Describe(HighHeadStart)} of extra waiting; waiting {waited}, so it ranks as {Describe(now - queued.RequestedAt + HighHeadStart)}."
            : $"Normal priority; waiting {waited} — longest waiting first.";
    }

    private static string Describe(TimeSpan span)
    {
        var seconds = Math.Max(0, (long)span.TotalSeconds);
        return seconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m{seconds % 60:00}s");
    }
}

/// <summary>A case's place in the order: lower comes first.</summary>
public readonly record struct QueueKey(int Tier, long EffectiveTicks, Guid Id) : IComparable<QueueKey>
{
    public int CompareTo(QueueKey other)
    {
        var byTier = Tier.CompareTo(other.Tier);
        if (byTier != 0)
        {
            return byTier;
        }

        var byTime = EffectiveTicks.CompareTo(other.EffectiveTicks);
        return byTime != 0 ? byTime : Id.CompareTo(other.Id);
    }

    public static bool operator <(QueueKey left, QueueKey right) => left.CompareTo(right) < 0;

    public static bool operator >(QueueKey left, QueueKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(QueueKey left, QueueKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(QueueKey left, QueueKey right) => left.CompareTo(right) >= 0;
}
