namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Contacts per fixed-length interval on an aligned clock grid: the input of the volume forecast
/// (history) and its output (forecast). Workforce planning thinks in 15- or 30-minute buckets because
/// that is the granularity at which staffing can change; this type keeps the grid explicit so a count
/// can never be attached to the wrong half hour.
/// </summary>
/// <remarks>
/// <para>
/// The grid is defined by <see cref="Start"/> (with its UTC offset) and <see cref="Interval"/>. Time of
/// day and day of week are read in that offset: a series that starts at 09:00+02:00 has its first
/// bucket at 09:00 local time. A fixed offset does not follow daylight-saving changes, so after a DST
/// switch the local peak moves by one interval-hour on the grid; seasonality is positional (index
/// modulo a day or a week), which is what the forecast uses.
/// </para>
/// <para>
/// Supported interval lengths are whole minutes between 5 and 60 that divide a day (5, 10, 15, 20,
/// 30, 60 and the like); 15 and 30 are the usual ones. The start must sit on an interval
/// boundary of the local clock (e.g. :00 or :30 for half hours) so days split into whole intervals.
/// </para>
/// </remarks>
public sealed class IntervalSeries
{
    private readonly double[] _values;

    /// <summary>Creates a series; the values are copied.</summary>
    /// <param name="start">Start of the first interval; must be aligned to <paramref name="interval"/> in its own offset.</param>
    /// <param name="interval">Interval length (whole minutes dividing a day, 5–60 minutes).</param>
    /// <param name="values">Contacts per interval, each finite and ≥ 0 (forecasts may be fractional). May be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentException">The interval is unsupported or the start is not aligned.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite value.</exception>
    public IntervalSeries(DateTimeOffset start, TimeSpan interval, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        IntervalGrid.EnsureSupported(interval, nameof(interval));
        IntervalGrid.EnsureAligned(start, interval, nameof(start));

        _values = values.ToArray();
        for (var i = 0; i < _values.Length; i++)
        {
            if (!double.IsFinite(_values[i]) || _values[i] < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(values), _values[i], $"Interval {i} has {_values[i]} contacts; counts must be finite and not negative.");
            }
        }

        Start = start;
        Interval = interval;
    }

    /// <summary>Start of the first interval, in the offset the grid's time of day is read in.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Length of every interval.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Contacts per interval (a read-only view; the series is immutable).</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Number of intervals.</summary>
    public int Count => _values.Length;

    /// <summary>End of the last interval (exclusive), i.e. where a forecast of this history starts.</summary>
    public DateTimeOffset End => StartOf(_values.Length);

    /// <summary>Intervals per day, e.g. 48 for half hours: the daily season length.</summary>
    public int IntervalsPerDay => IntervalGrid.PerDay(Interval);

    /// <summary>Intervals per week, e.g. 336 for half hours: the weekly season length.</summary>
    public int IntervalsPerWeek => 7 * IntervalsPerDay;

    /// <summary>Sum of all values.</summary>
    public double Total => _values.Sum();

    /// <summary>Contacts in interval <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based interval index.</param>
    public double this[int index] => _values[index];

    /// <summary>Start time of interval <paramref name="index"/> (index = <see cref="Count"/> gives <see cref="End"/>).</summary>
    /// <param name="index">Zero-based interval index, 0 … <see cref="Count"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Index outside 0 … Count.</exception>
    public DateTimeOffset StartOf(int index)
    {
        if (index < 0 || index > _values.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be between 0 and {_values.Length}.");
        }

        return Start + (Interval * index);
    }

    /// <summary>A contiguous part of the series, e.g. the training weeks of a backtest.</summary>
    /// <param name="startIndex">First interval to keep.</param>
    /// <param name="count">Number of intervals to keep.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range does not lie inside the series.</exception>
    public IntervalSeries Slice(int startIndex, int count)
    {
        if (startIndex < 0 || count < 0 || startIndex > _values.Length - count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), count, $"Slice [{startIndex}, {startIndex}+{count}) lies outside a series of {_values.Length} intervals.");
        }

        return new IntervalSeries(StartOf(startIndex), Interval, new ArraySegment<double>(_values, startIndex, count));
    }

    /// <summary>The values as a fresh array, for numeric code that indexes heavily.</summary>
    internal double[] ToArray() => (double[])_values.Clone();
}
