namespace RelayDesk.Domain.Routing;

/// <summary>An honest wait: a range in seconds, never a single number that pretends to be exact.</summary>
public sealed record WaitEstimate(int MinSeconds, int MaxSeconds);

/// <summary>
/// Estimates how long a queued customer waits for a person.
/// <para>
/// The model: the qualified agents on shift hold <c>TotalSlots</c> chats at once, and a chat lasts the live mean
/// handling time <c>H</c> on average, so a slot frees up about <c>TotalSlots / H</c> times per second. If a slot is free
/// for this case now (fewer cases ahead than free slots), the wait is just the offer round trip. Otherwise
/// <c>ahead − free + 1</c> chats have to end first: expected wait <c>W = (ahead − free + 1) × H / TotalSlots</c>.
/// </para>
/// <para>
/// Handling times vary a lot, so the answer is a range: from half to one and a half times <c>W</c> (plus the offer
/// round trip), rounded out to whole 30-second steps. With nobody qualified on shift there is no estimate (null): the
/// customer is offered a callback instead of a number.
/// </para>
/// </summary>
public static class WaitEstimator
{
    /// <summary>How long an offer and its acceptance take when a slot is free.</summary>
    public static readonly TimeSpan OfferRoundTrip = TimeSpan.FromSeconds(60);

    private const int Step = 30;

    public static WaitEstimate? Estimate(WaitInputs inputs, TimeSpan meanHandlingTime)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.QualifiedOnShift == 0 || inputs.TotalSlots == 0)
        {
            return null;
        }

        var ahead = Math.Max(0, inputs.Position - 1);
        var roundTrip = OfferRoundTrip.TotalSeconds;
        if (ahead < inputs.FreeSlots)
        {
            return new WaitEstimate(0, (int)roundTrip);
        }

        var handling = Math.Max(1, meanHandlingTime.TotalSeconds);
        var expected = (ahead - inputs.FreeSlots + 1) * handling / inputs.TotalSlots;
        var min = Math.Floor(expected * 0.5 / Step) * Step;
        var max = Math.Ceiling(((expected * 1.5) + roundTrip) / Step) * Step;
        return new WaitEstimate((int)Math.Min(min, int.MaxValue), (int)Math.Min(max, int.MaxValue));
    }

    /// <summary>
    /// The live mean handling time from recent chats (assignment to resolution), or <paramref name="fallback"/> while
    /// there are fewer than five to go by.
    /// </summary>
    public static TimeSpan MeanHandlingTime(IReadOnlyCollection<TimeSpan> recent, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(recent);
        return recent.Count < 5 ? fallback : TimeSpan.FromTicks((long)recent.Average(t => t.Ticks));
    }
}
