namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Turns raw contact timestamps (for example the moments conversations asked for a person) into the
/// per-interval counts that forecasting and staffing work on.
/// </summary>
public static class ContactHistory
{
    /// <summary>
    /// Counts contacts per interval over the half-open window [<paramref name="from"/>, <paramref name="to"/>).
    /// </summary>
    /// <remarks>
    /// Timestamps may carry any UTC offset; they are placed on the grid by their instant (UTC), and the
    /// grid's time of day is read in <paramref name="from"/>'s offset. Timestamps outside the window are
    /// ignored rather than rejected, so a caller can pass the result of a broader query. Intervals with
    /// no contacts count 0, which matters: a missing zero would make the night look busier than it is.
    /// </remarks>
    /// <param name="starts">Contact start times, in any order and any offset.</param>
    /// <param name="interval">Bucket length (15 or 30 minutes typically; see <see cref="IntervalSeries"/>).</param>
    /// <param name="from">Start of the first bucket (inclusive), aligned to <paramref name="interval"/> in its offset.</param>
    /// <param name="to">End of the last bucket (exclusive); must be a whole number of intervals after <paramref name="from"/>.</param>
    /// <returns>A series starting at <paramref name="from"/> with one count per interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="starts"/> is null.</exception>
    /// <exception cref="ArgumentException">Unsupported interval, misaligned <paramref name="from"/>, an empty or ragged window.</exception>
    public static IntervalSeries Bucket(IEnumerable<DateTimeOffset> starts, TimeSpan interval, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(starts);
        IntervalGrid.EnsureSupported(interval, nameof(interval));
        IntervalGrid.EnsureAligned(from, interval, nameof(from));
        if (to <= from)
        {
            throw new ArgumentException($"The window end {to:O} must be after its start {from:O}.", nameof(to));
        }

        var span = to.UtcTicks - from.UtcTicks;
        if (span % interval.Ticks != 0)
        {
            throw new ArgumentException(
                $"The window {from:O} – {to:O} is not a whole number of {interval.TotalMinutes:0}-minute intervals.", nameof(to));
        }

        IntervalGrid.EnsureNotTooLong(span / interval.Ticks, interval, nameof(to));
        var counts = new double[span / interval.Ticks];
        foreach (var start in starts)
        {
            var offset = start.UtcTicks - from.UtcTicks;
            if (offset >= 0 && offset < span)
            {
                counts[offset / interval.Ticks]++;
            }
        }

        return new IntervalSeries(from, interval, counts);
    }
}
