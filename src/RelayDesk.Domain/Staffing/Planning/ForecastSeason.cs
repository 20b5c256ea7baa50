namespace RelayDesk.Domain.Staffing;

/// <summary>Which repeating pattern a forecast was able to learn from its history.</summary>
public enum ForecastSeason
{
    /// <summary>A full week of intervals (day of week × time of day); needs at least 2 weeks of history.</summary>
    Weekly,

    /// <summary>
    /// Fallback for 2 days to 2 weeks of history: one time-of-day profile for every day and a flat
    /// level (no trend, no day-of-week effect), because a few days cannot separate a Monday peak from growth.
    /// </summary>
    Daily,
}
