namespace RelayDesk.Domain.Staffing;

/// <summary>A volume forecast and how it was made.</summary>
/// <param name="Forecast">Expected contacts per interval, starting where the history ended; never negative.</param>
/// <param name="Method">The method actually used (never <see cref="ForecastMethod.Auto"/>).</param>
/// <param name="Season">Weekly, or the daily fallback for short histories.</param>
/// <param name="Smoothing">Fitted Holt-Winters weights; null for <see cref="ForecastMethod.SeasonalProfile"/>.</param>
public sealed record VolumeForecastResult(
    IntervalSeries Forecast,
    ForecastMethod Method,
    ForecastSeason Season,
    SmoothingParameters? Smoothing);
