using System;
using System.Linq;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class ForecastBacktestTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    [Fact]
    public void The_backtest_forecast_never_sees_the_holdout()
    {
        var history = SyntheticVolume.History(weeks: 6, HalfHour, seed: 21);
        var tampered = history.Values.ToArray();
        for (var i = tampered.Length - 336; i < tampered.Length; i++)
        {
            tampered[i] *= 3;
        }

        var original = VolumeForecast.Backtest(history, 1);
        var changed = VolumeForecast.Backtest(new IntervalSeries(history.Start, HalfHour, tampered), 1);

        Assert.Equal(original.Forecast.Values, changed.Forecast.Values);
        Assert.Equal(original.Method, changed.Method);
        Assert.True(changed.Wape > original.Wape);
    }

    [Fact]
    public void Backtest_figures_are_computed_on_the_holdout_weeks_only()
    {
        var history = SyntheticVolume.History(weeks: 7, HalfHour, seed: 4);
        var training = history.Slice(0, 5 * 336);
        var holdout = history.Slice(5 * 336, 2 * 336);

        var backtest = VolumeForecast.Backtest(history, holdoutWeeks: 2);
        var direct = VolumeForecast.Forecast(training, 2 * 336);

        Assert.Equal(holdout.Start, backtest.Actual.Start);
        Assert.Equal(holdout.Values, backtest.Actual.Values);
        Assert.Equal(direct.Forecast.Values, backtest.Forecast.Values);
        Assert.Equal(ForecastAccuracy.Wape(holdout.Values, direct.Forecast.Values), backtest.Wape, 12);
        Assert.Equal(ForecastAccuracy.Mape(holdout.Values, direct.Forecast.Values), backtest.Mape, 12);
        Assert.Equal(holdout.Values.Count(v => v > 0), backtest.MapeIntervals);
    }

    [Fact]
    public void Mape_skips_zero_actuals_and_wape_weighs_by_volume()
    {
        double[] actual = [0, 10, 20];
        double[] forecast = [5, 12, 15];

        Assert.Equal((0.2 + 0.25) / 2, ForecastAccuracy.Mape(actual, forecast), 12);
        Assert.Equal((5 + 2 + 5) / 30.0, ForecastAccuracy.Wape(actual, forecast), 12);
        Assert.Equal(2, ForecastAccuracy.MapeIntervals(actual));
    }

    [Fact]
    public void Accuracy_without_any_volume_is_not_a_number()
    {
        Assert.True(double.IsNaN(ForecastAccuracy.Mape([0, 0], [1, 2])));
        Assert.True(double.IsNaN(ForecastAccuracy.Wape([0, 0], [1, 2])));
    }

    [Fact]
    public void Accuracy_of_lists_of_different_lengths_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ForecastAccuracy.Wape([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => ForecastAccuracy.Mape([1], [1, 2]));
    }

    [Fact]
    public void A_holdout_that_leaves_too_little_training_is_rejected()
    {
        var history = SyntheticVolume.History(weeks: 2, HalfHour);

        var error = Assert.Throws<ArgumentException>(() => VolumeForecast.Backtest(history, holdoutWeeks: 2));

        Assert.Equal("history", error.ParamName);
        Assert.Contains("hold out 2 week", error.Message);
    }

    [Fact]
    public void A_holdout_of_zero_weeks_is_rejected()
    {
        var history = SyntheticVolume.History(weeks: 3, HalfHour);

        Assert.Throws<ArgumentOutOfRangeException>(() => VolumeForecast.Backtest(history, 0));
    }

    [Fact]
    public void A_short_training_window_backtests_the_daily_fallback()
    {
        var history = SyntheticVolume.History(weeks: 2, HalfHour, seed: 2);

        var backtest = VolumeForecast.Backtest(history, holdoutWeeks: 1);

        Assert.Equal(ForecastSeason.Daily, backtest.Season);
        Assert.True(backtest.Wape > 0.05); // it cannot know weekends are quieter
    }

    [Fact]
    public void Demo_history_backtests_at_the_poisson_noise_level_of_its_volume()
    {
        var start = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.FromHours(1));
        var contacts = DemoContactHistory.Generate(start, weeks: 12, seed: 42);
        var history = ContactHistory.Bucket(contacts, HalfHour, start, start.AddDays(84));

        var backtest = VolumeForecast.Backtest(history, holdoutWeeks: 2);

        // ~600 contacts a day is ~12 per half hour on average, where Poisson noise alone is ~20 % WAPE.
        Assert.InRange(backtest.Wape, 0.18, 0.25); // pinned around the observed 21 %
    }
}
