namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Holt-Winters exponential smoothing with level, additive trend and a season of m intervals
/// (one week), in additive or multiplicative form.
/// </summary>
/// <remarks>
/// <para>
/// Additive: ŷ = ℓ + b + s; ℓ' = α(y − s) + (1 − α)(ℓ + b); b' = β(ℓ' − ℓ) + (1 − β)b; s' = γ(y − ℓ') + (1 − γ)s.
/// Multiplicative: ŷ = (ℓ + b)·s; ℓ' = α·y/s + (1 − α)(ℓ + b); s' = γ·y/ℓ' + (1 − γ)s. The h-step
/// forecast is (ℓ + h·b) combined with the latest factor of the target slot.
/// </para>
/// <para>
/// Initial state comes from the first two weeks: level and per-interval trend from their means, season
/// from each slot's deviation from that trend line. Night slots whose multiplicative factor is
/// (nearly) zero carry no information about the level, so they leave level and factor untouched
/// instead of dividing by zero.
/// </para>
/// </remarks>
internal sealed class HoltWintersModel
{
    private const double Tiny = 1e-9;

    private readonly bool _multiplicative;
    private readonly double _alpha;
    private readonly double _beta;
    private readonly double _gamma;
    private readonly double[] _season;
    private double _level;
    private double _trend;

    private HoltWintersModel(bool multiplicative, SmoothingParameters parameters, double level, double trend, double[] season)
    {
        _multiplicative = multiplicative;
        _alpha = parameters.Alpha;
        _beta = parameters.Beta;
        _gamma = parameters.Gamma;
        _level = level;
        _trend = trend;
        _season = season;
    }

    /// <summary>Initial state from the first two seasons of <paramref name="y"/> (which must hold at least 2m values).</summary>
    public static HoltWintersModel Initialise(double[] y, int m, bool multiplicative, SmoothingParameters parameters)
    {
        var firstMean = Mean(y, 0, m);
        var secondMean = Mean(y, m, m);
        var trend = (secondMean - firstMean) / m;

        // Trend line through the first week's mean at its midpoint; the state before t = 0 sits at t = −1.
        double Line(int t) => firstMean + (trend * (t - ((m - 1) / 2.0)));

        var season = new double[m];
        for (var j = 0; j < m; j++)
        {
            var observed = y[j] + y[j + m];
            var line = Line(j) + Line(j + m);
            season[j] = multiplicative
                ? (line > Tiny ? observed / line : 1)
                : (observed - line) / 2;
        }

        Centre(season, multiplicative);
        return new HoltWintersModel(multiplicative, parameters, Line(-1), trend, season);
    }

    /// <summary>Feeds one observation at time t (slot t mod m) into the state.</summary>
    public void Update(int t, double y)
    {
        var slot = t % _season.Length;
        var factor = _season[slot];
        var previousLevel = _level;
        var baseline = _level + _trend;

        if (_multiplicative)
        {
            if (factor <= Tiny)
            {
                _level = baseline;
            }
            else
            {
                _level = (_alpha * y / factor) + ((1 - _alpha) * baseline);
                if (_level > Tiny)
                {
                    _season[slot] = (_gamma * y / _level) + ((1 - _gamma) * factor);
                }
            }
        }
        else
        {
            _level = (_alpha * (y - factor)) + ((1 - _alpha) * baseline);
            _season[slot] = (_gamma * (y - _level)) + ((1 - _gamma) * factor);
        }

        _trend = (_beta * (_level - previousLevel)) + ((1 - _beta) * _trend);
    }

    /// <summary>
    /// Forecast for time t + h − 1 made after observing t − 1 (h ≥ 1), floored at zero because
    /// negative contacts are impossible. The target slot's latest factor is used at any horizon.
    /// </summary>
    public double Predict(int t, int h)
    {
        var baseline = _level + (h * _trend);
        var factor = _season[(t + h - 1) % _season.Length];
        return Math.Max(0, _multiplicative ? baseline * factor : baseline + factor);
    }

    private static double Mean(double[] y, int start, int count)
    {
        var sum = 0.0;
        for (var i = start; i < start + count; i++)
        {
            sum += y[i];
        }

        return sum / count;
    }

    private static void Centre(double[] season, bool multiplicative)
    {
        var mean = season.Average();
        for (var j = 0; j < season.Length; j++)
        {
            if (multiplicative)
            {
                season[j] = mean > Tiny ? season[j] / mean : 1;
            }
            else
            {
                season[j] -= mean;
            }
        }
    }
}
