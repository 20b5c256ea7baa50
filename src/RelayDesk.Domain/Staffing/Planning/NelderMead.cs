namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Nelder–Mead downhill simplex minimiser. Derivative-free, which suits forecast-error objectives:
/// absolute errors with a zero floor are not smooth, and a handful of parameters needs no more.
/// </summary>
internal static class NelderMead
{
    private const double Reflection = 1;
    private const double Expansion = 2;
    private const double Contraction = 0.5;
    private const double Shrink = 0.5;

    /// <summary>Minimises <paramref name="objective"/> starting from <paramref name="start"/>.</summary>
    /// <param name="objective">Function to minimise; must accept any real vector.</param>
    /// <param name="start">Initial point.</param>
    /// <param name="step">Initial simplex edge along each axis.</param>
    /// <param name="maxEvaluations">Budget of objective evaluations.</param>
    /// <param name="tolerance">Stop when best and worst values differ by less than this (relative).</param>
    /// <returns>The best point found.</returns>
    public static double[] Minimise(Func<double[], double> objective, double[] start, double step, int maxEvaluations, double tolerance = 1e-6)
    {
        var dimension = start.Length;
        var points = new double[dimension + 1][];
        var values = new double[dimension + 1];
        for (var i = 0; i <= dimension; i++)
        {
            points[i] = (double[])start.Clone();
            if (i > 0)
            {
                points[i][i - 1] += step;
            }

            values[i] = objective(points[i]);
        }

        var evaluations = dimension + 1;
        while (evaluations < maxEvaluations)
        {
            Sort(points, values);
            var best = values[0];
            var worst = values[dimension];
            if (Math.Abs(worst - best) <= tolerance * (Math.Abs(best) + 1e-12))
            {
                break;
            }

            var centroid = Centroid(points, dimension);
            var reflected = Along(centroid, points[dimension], -Reflection);
            var reflectedValue = objective(reflected);
            evaluations++;

            if (reflectedValue < best)
            {
                var expanded = Along(centroid, points[dimension], -Expansion);
                var expandedValue = objective(expanded);
                evaluations++;
                (points[dimension], values[dimension]) = expandedValue < reflectedValue ? (expanded, expandedValue) : (reflected, reflectedValue);
            }
            else if (reflectedValue < values[dimension - 1])
            {
                (points[dimension], values[dimension]) = (reflected, reflectedValue);
            }
            else
            {
                var contracted = Along(centroid, points[dimension], Contraction);
                var contractedValue = objective(contracted);
                evaluations++;
                if (contractedValue < worst)
                {
                    (points[dimension], values[dimension]) = (contracted, contractedValue);
                }
                else
                {
                    for (var i = 1; i <= dimension; i++)
                    {
                        points[i] = Along(points[0], points[i], Shrink);
                        values[i] = objective(points[i]);
                    }

                    evaluations += dimension;
                }
            }
        }

        Sort(points, values);
        return points[0];
    }

    /// <summary>origin + factor·(target − origin).</summary>
    private static double[] Along(double[] origin, double[] target, double factor)
    {
        var result = new double[origin.Length];
        for (var i = 0; i < origin.Length; i++)
        {
            result[i] = origin[i] + (factor * (target[i] - origin[i]));
        }

        return result;
    }

    private static double[] Centroid(double[][] points, int excluded)
    {
        var centroid = new double[points[0].Length];
        for (var i = 0; i < points.Length; i++)
        {
            if (i == excluded)
            {
                continue;
            }

            for (var d = 0; d < centroid.Length; d++)
            {
                centroid[d] += points[i][d] / (points.Length - 1);
            }
        }

        return centroid;
    }

    private static void Sort(double[][] points, double[] values) => Array.Sort(values, points);
}
