namespace RelayDesk.Domain.Staffing;

/// <summary>When the desk's people are on shift, in the desk's own time zone.</summary>
public sealed record OpeningHours(TimeZoneInfo TimeZone, TimeSpan Opens, TimeSpan Closes, IReadOnlySet<DayOfWeek> Days)
{
    /// <summary>The demo desk: Monday to Saturday, 08:00–20:00 in Europe/Berlin (until teams bring their own hours).</summary>
    public static OpeningHours Demo { get; } = new(
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), TimeSpan.FromHours(8), TimeSpan.FromHours(20),
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday });

    /// <summary><paramref name="agents"/> people on shift in every interval of <paramref name="forecast"/> that falls in these hours.</summary>
    public IReadOnlyList<int> Roster(IntervalSeries forecast, int agents)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return StaffingPlanner.OpeningHoursRoster(forecast.Start, forecast.Count, forecast.Interval, agents, TimeZone, Opens, Closes, Days);
    }
}
