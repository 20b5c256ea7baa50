namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Forecasts contacts per interval from history, with daily and weekly seasonality and a trend, and
/// measures how well that works on the most recent weeks.
/// </summary>
/// <remarks>
/// <para>
/// History requirements: at least 2 weeks for the weekly season (day of week × time of day). Between 2
/// days and 2 weeks the forecast falls back to a daily profile with a flat level
/// (<see cref="ForecastSeason.Daily"/>) so a new desk gets a usable first plan; under 2 days, or empty,
/// it throws <see cref="ArgumentException"/>. Holt-Winters needs 3 weeks.
/// </para>
/// <para>
/// The history is taken as given: pass a recent window (8–26 weeks works well), with outages, holidays
/// and campaign spikes cleaned out, since a linear trend is extrapolated from the whole window and a
/// one-off spike becomes a permanent bump in its interval of the week.
/// </para>
/// </remarks>
public static class VolumeForecast
{
    /// <summary>Longest forecast accepted: one year. Beyond that a weekly pattern and linear trend mean little.</summary>
    public const int MaxHorizonDays = 366;

    private const int MinimumDays = 2;
    private const int WeeklyMinimumWeeks = 2;
    private const int HoltWintersMinimumWeeks = 3;

    /// <summary>Forecasts the <paramref name="intervals"/> intervals that follow <paramref name="history"/>.</summary>
    /// <param name="history">Contacts per interval, oldest first, ending where the forecast should start.</param>
    /// <param name="intervals">Number of intervals to forecast, e.g. 336 for one week of half hours.</param>
    /// <param name="method">The model, or <see cref="ForecastMethod.Auto"/> to choose by backtest on the history.</param>
    /// <returns>The forecast (same interval, starting at <see cref="IntervalSeries.End"/>) and how it was made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <exception cref="ArgumentException">History too short for the method (see remarks).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A horizon below 1 or beyond <see cref="MaxHorizonDays"/>, or an unknown method.</exception>
    public static VolumeForecastResult Forecast(IntervalSeries history, int intervals, ForecastMethod method = ForecastMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(history);
        EnsureHorizon(history, intervals);
        EnsureMethod(method);
        var season = SeasonFor(history, nameof(history));
        var y = history.ToArray();
        var chosen = method == ForecastMethod.Auto ? Choose(y, history.IntervalsPerDay, season) : method;
        EnsureEnoughForHoltWinters(chosen, y.Length, history.IntervalsPerWeek, season);

        var (values, smoothing) = Run(chosen, y, history.IntervalsPerDay, season, intervals);
        return new VolumeForecastResult(new IntervalSeries(history.End, history.Interval, values), chosen, season, smoothing);
    }

    /// <summary>
    /// Holds out the last <paramref name="holdoutWeeks"/> weeks, forecasts them from the weeks before
    /// (exactly as <see cref="Forecast"/> would, <see cref="ForecastMethod.Auto"/> choice included) and
    /// scores the forecast against the held-out actuals only.
    /// </summary>
    /// <param name="history">Contacts per interval, oldest first.</param>
    /// <param name="holdoutWeeks">Whole weeks to hold out, at least 1.</param>
    /// <param name="method">The model to test, or <see cref="ForecastMethod.Auto"/>.</param>
    /// <returns>MAPE and WAPE on the holdout, with the actuals and forecast that produced them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <exception cref="ArgumentException">What remains after the holdout is too short to forecast from.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="holdoutWeeks"/> below 1, or an unknown method.</exception>
    public static ForecastBacktest Backtest(IntervalSeries history, int holdoutWeeks, ForecastMethod method = ForecastMethod.Auto)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (holdoutWeeks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutWeeks), holdoutWeeks, "Hold out at least 1 week.");
        }

        var holdout = (long)holdoutWeeks * history.IntervalsPerWeek;
        var trainingLength = history.Count - holdout;
        if (trainingLength < (long)MinimumDays * history.IntervalsPerDay)
        {
            throw new ArgumentException(
                $"History of {Days(history.Count, history)} days cannot hold out {holdoutWeeks} week(s) and keep the {MinimumDays} days needed to forecast (2 weeks for weekly seasonality).",
                nameof(history));
        }

        var training = history.Slice(0, (int)trainingLength);
        var actual = history.Slice((int)trainingLength, (int)holdout);
        var result = Forecast(training, (int)holdout, method);
        return new ForecastBacktest(
            ForecastAccuracy.Mape(actual.Values, result.Forecast.Values),
            ForecastAccuracy.Wape(actual.Values, result.Forecast.Values),
            ForecastAccuracy.MapeIntervals(actual.Values),
            result.Method,
            result.Season,
            actual,
            result.Forecast);
    }

    private static (double[] Values, SmoothingParameters? Smoothing) Run(
        ForecastMethod method, double[] y, int perDay, ForecastSeason season, int horizon)
    {
        var seasonLength = season == ForecastSeason.Weekly ? 7 * perDay : perDay;
        return method switch
        {
            ForecastMethod.SeasonalProfile =>
                (SeasonalProfileModel.Forecast(y, seasonLength, horizon, withTrend: season == ForecastSeason.Weekly), null),
            ForecastMethod.HoltWintersAdditive => HoltWintersFit.Forecast(y, seasonLength, perDay, multiplicative: false, horizon),
            ForecastMethod.HoltWintersMultiplicative => HoltWintersFit.Forecast(y, seasonLength, perDay, multiplicative: true, horizon),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown forecast method."),
        };
    }

    /// <summary>
    /// The Auto choice: forecast the last week of <paramref name="y"/> from the rest with each candidate
    /// and keep the lowest WAPE. Ties (and short histories) go to the seasonal profile, the steadier model.
    /// </summary>
    private static ForecastMethod Choose(double[] y, int perDay, ForecastSeason season)
    {
        var week = 7 * perDay;
        if (season != ForecastSeason.Weekly || y.Length - week < HoltWintersMinimumWeeks * week)
        {
            return ForecastMethod.SeasonalProfile;
        }

        var fit = y[..^week];
        var actual = y[^week..];
        var best = ForecastMethod.SeasonalProfile;
        var bestWape = double.PositiveInfinity;
        foreach (var candidate in new[] { ForecastMethod.SeasonalProfile, ForecastMethod.HoltWintersAdditive, ForecastMethod.HoltWintersMultiplicative })
        {
            var wape = ForecastAccuracy.Wape(actual, Run(candidate, fit, perDay, season, week).Values);
            if (double.IsNaN(wape))
            {
                return ForecastMethod.SeasonalProfile;
            }

            if (wape < bestWape)
            {
                (best, bestWape) = (candidate, wape);
            }
        }

        return best;
    }

    private static ForecastSeason SeasonFor(IntervalSeries history, string paramName)
    {
        if (history.Count == 0)
        {
            throw new ArgumentException("History is empty; a forecast needs at least 2 weeks of contacts per interval (2 days for a daily-profile fallback).", paramName);
        }

        if (history.Count >= WeeklyMinimumWeeks * history.IntervalsPerWeek)
        {
            return ForecastSeason.Weekly;
        }

        if (history.Count >= MinimumDays * history.IntervalsPerDay)
        {
            return ForecastSeason.Daily;
        }

        throw new ArgumentException(
            $"History covers {Days(history.Count, history)} days; a forecast needs at least 2 weeks (day-of-week seasonality) or 2 days (daily-profile fallback).",
            paramName);
    }

    private static void EnsureEnoughForHoltWinters(ForecastMethod method, int length, int week, ForecastSeason season)
    {
        var holtWinters = method is ForecastMethod.HoltWintersAdditive or ForecastMethod.HoltWintersMultiplicative;
        if (holtWinters && (season != ForecastSeason.Weekly || length < HoltWintersMinimumWeeks * week))
        {
            throw new ArgumentException(
                $"Holt-Winters needs at least {HoltWintersMinimumWeeks} weeks of history (2 to initialise the weekly season, 1 to tune it); got {length / (double)week:0.#} weeks. Use SeasonalProfile or Auto.",
                "history");
        }
    }

    private static void EnsureHorizon(IntervalSeries history, int intervals)
    {
        var max = MaxHorizonDays * history.IntervalsPerDay;
        if (intervals < 1 || intervals > max)
        {
            throw new ArgumentOutOfRangeException(
                nameof(intervals), intervals, $"Forecast between 1 and {max} intervals ({MaxHorizonDays} days).");
        }
    }

    private static void EnsureMethod(ForecastMethod method)
    {
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown forecast method.");
        }
    }

    private static string Days(long intervals, IntervalSeries history) => (intervals / (double)history.IntervalsPerDay).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
