namespace RelayDesk.Domain.Staffing;

/// <summary>How <see cref="VolumeForecast"/> models contact volume.</summary>
public enum ForecastMethod
{
    /// <summary>
    /// Pick the method with the lowest WAPE when forecasting the last week of the given history from the
    /// weeks before it, then refit that method on the whole history. Holt-Winters is only a candidate
    /// with at least 4 weeks of history (3 to fit it, 1 to judge it); with less, the profile is used.
    /// </summary>
    Auto,

    /// <summary>
    /// Seasonal decomposition: a multiplicative profile with one factor per interval of the week
    /// (day of week × time of day) times a linear trend, fitted jointly by alternating least squares.
    /// Stable with few weeks of history because every week contributes equally.
    /// </summary>
    SeasonalProfile,

    /// <summary>Holt-Winters with additive weekly season and additive trend; adapts to level shifts.</summary>
    HoltWintersAdditive,

    /// <summary>Holt-Winters with multiplicative weekly season (peaks scale with the level) and additive trend.</summary>
    HoltWintersMultiplicative,
}
