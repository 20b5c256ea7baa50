namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Accuracy of a forecast made from all history except its last weeks, measured on those weeks only.
/// The model (including the <see cref="ForecastMethod.Auto"/> choice) never sees the holdout.
/// </summary>
/// <param name="Mape">
/// Mean absolute percentage error as a fraction (0.12 = 12 %) over holdout intervals with a non-zero
/// actual; NaN if every actual was zero. Night intervals with one or two contacts inflate it, which is
/// why <paramref name="Wape"/> is the figure to plan on.
/// </param>
/// <param name="Wape">
/// Weighted absolute percentage error Σ|actual − forecast| / Σ actual as a fraction; NaN if the
/// holdout had no contacts. Busy intervals weigh most, which matches how staffing errors cost.
/// </param>
/// <param name="MapeIntervals">How many intervals entered the MAPE (the non-zero actuals).</param>
/// <param name="Method">The method used for the holdout forecast.</param>
/// <param name="Season">Weekly, or the daily fallback.</param>
/// <param name="Actual">The holdout: the last weeks of the history.</param>
/// <param name="Forecast">The forecast for the holdout made from the earlier history.</param>
public sealed record ForecastBacktest(
    double Mape,
    double Wape,
    int MapeIntervals,
    ForecastMethod Method,
    ForecastSeason Season,
    IntervalSeries Actual,
    IntervalSeries Forecast);
