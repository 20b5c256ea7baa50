namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Checks shared by everything that lays contacts on a clock grid. Kept in one place so history,
/// forecast and plan agree on what an "aligned interval" is.
/// </summary>
internal static class IntervalGrid
{
    private const int MinimumMinutes = 5;
    private const int MaximumMinutes = 60;

    /// <summary>
    /// Longest grid accepted anywhere (about ten years). A longer window is almost certainly a bad
    /// date (say year 1 to now) and would otherwise allocate millions of buckets before failing.
    /// </summary>
    public const int MaxDays = 3660;

    /// <summary>Intervals in one day for a supported interval.</summary>
    public static int PerDay(TimeSpan interval) => (int)(TimeSpan.TicksPerDay / interval.Ticks);

    /// <summary>
    /// Only whole-minute intervals that divide a day are allowed: otherwise "the same time tomorrow"
    /// is not a whole number of intervals away and daily or weekly seasonality has no fixed position.
    /// </summary>
    public static void EnsureSupported(TimeSpan interval, string paramName)
    {
        var wholeMinutes = interval.Ticks % TimeSpan.TicksPerMinute == 0;
        var minutes = interval.Ticks / TimeSpan.TicksPerMinute;
        if (!wholeMinutes || minutes < MinimumMinutes || minutes > MaximumMinutes || TimeSpan.TicksPerDay % interval.Ticks != 0)
        {
            throw new ArgumentException(
                $"Interval {interval} is not supported; use whole minutes that divide a day, between {MinimumMinutes} and {MaximumMinutes} (typically 15 or 30 minutes).",
                paramName);
        }
    }

    /// <summary>
    /// The grid must start on an interval boundary of its local clock (09:00 or 09:30, not 09:10),
    /// so that interval k of every day covers the same time of day.
    /// </summary>
    public static void EnsureAligned(DateTimeOffset start, TimeSpan interval, string paramName)
    {
        if (start.TimeOfDay.Ticks % interval.Ticks != 0)
        {
            throw new ArgumentException(
                $"Start {start:O} is not aligned to {interval.TotalMinutes:0}-minute intervals in its offset {start.Offset}; use a time such as {AlignDown(start, interval):HH:mm}.",
                paramName);
        }
    }

    /// <summary>Rejects grids longer than <see cref="MaxDays"/>.</summary>
    public static void EnsureNotTooLong(long intervals, TimeSpan interval, string paramName)
    {
        if (intervals > (long)MaxDays * PerDay(interval))
        {
            throw new ArgumentException(
                $"{intervals} intervals of {interval.TotalMinutes:0} minutes span more than {MaxDays} days; check the dates.", paramName);
        }
    }

    private static DateTimeOffset AlignDown(DateTimeOffset start, TimeSpan interval) =>
        start.AddTicks(-(start.TimeOfDay.Ticks % interval.Ticks));
}
