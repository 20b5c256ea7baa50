namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Chooses Holt-Winters smoothing weights and produces the forecast.
/// </summary>
/// <remarks>
/// The weights minimise the absolute error of week-ahead forecasts made at every day boundary after
/// the two initialisation weeks ("horizon errors"), not one-step errors: a staffing plan is built a
/// week or more ahead, and weights tuned for the next half hour chase noise and let the trend swing.
/// A coarse grid picks a starting point and Nelder–Mead refines it in logit space, so every weight
/// stays inside (0, 1) without constraints. Each evaluation is one O(n·m/day) pass.
/// </remarks>
internal static class HoltWintersFit
{
    private const int MaxEvaluations = 150;
    private static readonly double[] AlphaGrid = [0.02, 0.1, 0.3];
    private static readonly double[] BetaGrid = [0.0005, 0.02];
    private static readonly double[] GammaGrid = [0.05, 0.2, 0.5];

    /// <summary>Fits the weights on <paramref name="y"/> (at least 3 seasons) and forecasts <paramref name="horizon"/> intervals.</summary>
    /// <param name="y">History, oldest first.</param>
    /// <param name="season">Season length m (one week of intervals).</param>
    /// <param name="originStep">Intervals between forecast origins in the objective (one day).</param>
    /// <param name="multiplicative">Multiplicative or additive seasonality.</param>
    /// <param name="horizon">Intervals to forecast.</param>
    public static (double[] Forecast, SmoothingParameters Parameters) Forecast(
        double[] y, int season, int originStep, bool multiplicative, int horizon)
    {
        var parameters = FitParameters(y, season, originStep, multiplicative);
        var model = HoltWintersModel.Initialise(y, season, multiplicative, parameters);
        for (var t = 0; t < y.Length; t++)
        {
            model.Update(t, y[t]);
        }

        var forecast = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            forecast[h - 1] = model.Predict(y.Length, h);
        }

        return (forecast, parameters);
    }

    private static SmoothingParameters FitParameters(double[] y, int season, int originStep, bool multiplicative)
    {
        double Error(SmoothingParameters p) => HorizonError(y, season, originStep, multiplicative, p);

        var best = new SmoothingParameters(AlphaGrid[0], BetaGrid[0], GammaGrid[0]);
        var bestError = double.PositiveInfinity;
        foreach (var alpha in AlphaGrid)
        {
            foreach (var beta in BetaGrid)
            {
                foreach (var gamma in GammaGrid)
                {
                    var candidate = new SmoothingParameters(alpha, beta, gamma);
                    var error = Error(candidate);
                    if (error < bestError)
                    {
                        (best, bestError) = (candidate, error);
                    }
                }
            }
        }

        var start = new[] { Logit(best.Alpha), Logit(best.Beta), Logit(best.Gamma) };
        var refined = NelderMead.Minimise(x => Error(FromLogits(x)), start, step: 1, MaxEvaluations);
        var refinedParameters = FromLogits(refined);
        return Error(refinedParameters) < bestError ? refinedParameters : best;
    }

    /// <summary>Σ |y − ŷ| of forecasts up to one season ahead from every <paramref name="originStep"/>-th interval after the first two seasons.</summary>
    private static double HorizonError(double[] y, int season, int originStep, bool multiplicative, SmoothingParameters parameters)
    {
        var model = HoltWintersModel.Initialise(y, season, multiplicative, parameters);
        var error = 0.0;
        for (var t = 0; t < y.Length; t++)
        {
            if (t >= 2 * season && t % originStep == 0)
            {
                var reach = Math.Min(season, y.Length - t);
                for (var h = 1; h <= reach; h++)
                {
                    error += Math.Abs(y[t + h - 1] - model.Predict(t, h));
                }
            }

            model.Update(t, y[t]);
        }

        return error;
    }

    private static SmoothingParameters FromLogits(double[] x) => new(Logistic(x[0]), Logistic(x[1]), Logistic(x[2]));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
