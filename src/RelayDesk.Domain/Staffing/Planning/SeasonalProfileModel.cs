namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Seasonal decomposition y_t ≈ (a + b·t) · s_{t mod m}: a linear trend times one factor per interval
/// of the season (mean factor 1).
/// </summary>
/// <remarks>
/// Multiplicative because contact peaks grow with the business: a 10 % busier month has a 10 % taller
/// lunch peak, not a peak that is a fixed number of contacts taller. The trend and the profile are
/// fitted jointly by alternating least squares in contact space (trend given profile is a 2×2 linear
/// solve, profile given trend is a closed-form ratio), so quiet night intervals carry little weight
/// and zeros need no special handling. Each step cannot increase the squared error, and a few dozen
/// O(n) passes converge.
/// </remarks>
internal static class SeasonalProfileModel
{
    private const int MaxIterations = 50;
    private const double RelativeTolerance = 1e-12;

    /// <summary>Fits the model to <paramref name="y"/> and extrapolates <paramref name="horizon"/> intervals.</summary>
    /// <param name="y">History, oldest first.</param>
    /// <param name="season">Season length m in intervals.</param>
    /// <param name="horizon">Intervals to forecast.</param>
    /// <param name="withTrend">False keeps the level flat (used by the short-history fallback).</param>
    public static double[] Forecast(double[] y, int season, int horizon, bool withTrend)
    {
        var profile = InitialProfile(y, season);
        var (a, b) = FitTrend(y, profile, withTrend);
        var previousError = double.PositiveInfinity;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            FitProfile(y, profile, a, b);
            (a, b) = FitTrend(y, profile, withTrend);
            var error = SquaredError(y, profile, a, b);
            if (previousError - error <= RelativeTolerance * Math.Max(previousError, 1e-300))
            {
                break;
            }

            previousError = error;
        }

        var forecast = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var t = y.Length + h;
            forecast[h] = Math.Max(0, (a + (b * t)) * profile[t % season]);
        }

        return forecast;
    }

    /// <summary>Starting profile: each slot's mean relative to the overall mean (ignores the trend, which the iterations fix).</summary>
    private static double[] InitialProfile(double[] y, int season)
    {
        var sums = new double[season];
        var counts = new int[season];
        for (var t = 0; t < y.Length; t++)
        {
            sums[t % season] += y[t];
            counts[t % season]++;
        }

        var profile = new double[season];
        for (var j = 0; j < season; j++)
        {
            profile[j] = counts[j] == 0 ? 0 : sums[j] / counts[j];
        }

        Normalize(profile);
        return profile;
    }

    /// <summary>
    /// Least squares for a and b given the profile: minimise Σ(y − (a + b·t)·s)². Time is centred to
    /// keep the normal equations well conditioned over months of 15-minute intervals.
    /// </summary>
    private static (double A, double B) FitTrend(double[] y, double[] profile, bool withTrend)
    {
        var season = profile.Length;
        var centre = (y.Length - 1) / 2.0;
        double suu = 0, suv = 0, svv = 0, suy = 0, svy = 0;
        for (var t = 0; t < y.Length; t++)
        {
            var u = profile[t % season];
            var v = u * (t - centre);
            suu += u * u;
            suv += u * v;
            svv += v * v;
            suy += u * y[t];
            svy += v * y[t];
        }

        if (suu == 0)
        {
            return (0, 0);
        }

        var determinant = (suu * svv) - (suv * suv);
        if (!withTrend || determinant <= 1e-12 * suu * svv)
        {
            return (suy / suu, 0);
        }

        var level = ((svv * suy) - (suv * svy)) / determinant;
        var slope = ((suu * svy) - (suv * suy)) / determinant;
        return (level - (slope * centre), slope);
    }

    /// <summary>Least squares for each slot factor given the trend: s_j = Σ L·y / Σ L², L = a + b·t.</summary>
    private static void FitProfile(double[] y, double[] profile, double a, double b)
    {
        var season = profile.Length;
        var numerator = new double[season];
        var denominator = new double[season];
        for (var t = 0; t < y.Length; t++)
        {
            var level = a + (b * t);
            numerator[t % season] += level * y[t];
            denominator[t % season] += level * level;
        }

        for (var j = 0; j < season; j++)
        {
            profile[j] = denominator[j] > 0 ? Math.Max(0, numerator[j] / denominator[j]) : 0;
        }

        Normalize(profile);
    }

    private static double SquaredError(double[] y, double[] profile, double a, double b)
    {
        var error = 0.0;
        for (var t = 0; t < y.Length; t++)
        {
            var residual = y[t] - ((a + (b * t)) * profile[t % profile.Length]);
            error += residual * residual;
        }

        return error;
    }

    /// <summary>Scales factors to mean 1 so the trend carries the volume; an all-zero profile stays zero.</summary>
    private static void Normalize(double[] profile)
    {
        var mean = profile.Average();
        if (mean <= 0)
        {
            return;
        }

        for (var j = 0; j < profile.Length; j++)
        {
            profile[j] /= mean;
        }
    }
}
