namespace RelayDesk.Domain.Staffing;

/// <summary>The two accuracy figures workforce planners quote for a volume forecast.</summary>
public static class ForecastAccuracy
{
    /// <summary>
    /// MAPE = mean of |a − f| / a over intervals where a &gt; 0. Zero actuals are skipped because the
    /// ratio is undefined there; the result is a fraction (0.1 = 10 %), NaN when every actual is zero.
    /// </summary>
    /// <param name="actual">Observed contacts per interval.</param>
    /// <param name="forecast">Forecast contacts for the same intervals.</param>
    /// <exception cref="ArgumentNullException">Either list is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double Mape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        EnsurePaired(actual, forecast);
        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i] > 0)
            {
                sum += Math.Abs(actual[i] - forecast[i]) / actual[i];
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>Number of intervals <see cref="Mape"/> averages over (non-zero actuals).</summary>
    /// <param name="actual">Observed contacts per interval.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actual"/> is null.</exception>
    public static int MapeIntervals(IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return actual.Count(a => a > 0);
    }

    /// <summary>
    /// WAPE = Σ|a − f| / Σa: total absolute error relative to total volume, as a fraction; NaN when
    /// there was no volume. Unlike MAPE it does not explode on quiet intervals.
    /// </summary>
    /// <param name="actual">Observed contacts per interval.</param>
    /// <param name="forecast">Forecast contacts for the same intervals.</param>
    /// <exception cref="ArgumentNullException">Either list is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double Wape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        EnsurePaired(actual, forecast);
        var error = 0.0;
        var volume = 0.0;
        for (var i = 0; i < actual.Count; i++)
        {
            error += Math.Abs(actual[i] - forecast[i]);
            volume += actual[i];
        }

        return volume == 0 ? double.NaN : error / volume;
    }

    private static void EnsurePaired(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(forecast);
        if (actual.Count != forecast.Count)
        {
            throw new ArgumentException(
                $"Actual has {actual.Count} intervals but forecast has {forecast.Count}; they must cover the same intervals.",
                nameof(forecast));
        }
    }
}
