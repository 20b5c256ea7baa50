namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Numerical integration of exp(g(x)) for a concave g (a log-concave, hence unimodal, integrand)
/// whose maximiser is known. Used for the Erlang A waiting-time integral.
/// </summary>
/// <remarks>
/// <para>
/// A generic adaptive rule can be fooled by a narrow peak that falls between its first sample
/// points, or by an interval that is mostly zero. Log-concavity removes both risks cheaply:
/// </para>
/// <list type="number">
/// <item>The range is cut where the integrand has fallen e^{-60} below its peak on each side.
/// Concavity guarantees the discarded tails decay at least exponentially from there, so they
/// carry a negligible share (&lt; 1e-24 relative) of the mass.</item>
/// <item>The remainder is split at the mode into two monotone pieces. On each piece concavity
/// means the integrand is never smaller than the exponential interpolating its end values, so the
/// mass is spread out, not hidden, and comparing a Gauss–Legendre estimate with the sum over two
/// halves is a trustworthy error test for adaptive bisection.</item>
/// </list>
/// <para>The logarithm is integrated shifted by its peak value so exp never overflows.</para>
/// </remarks>
internal static class LogConcaveIntegral
{
    private const double TailCutoffNats = 60;
    private const int MaxDepth = 48;

    private const int GaussPoints = 10;

    // Gauss–Legendre rule on [-1, 1], exact for polynomials of degree 19. Computed rather than typed
    // in: a single mistyped digit in a weight table silently costs accuracy in every result.
    private static readonly (double[] Nodes, double[] Weights) Rule = BuildGaussLegendre(GaussPoints);

    /// <summary>
    /// ∫_lower^upper exp(logIntegrand(x)) dx for a concave <paramref name="logIntegrand"/> maximised
    /// (over [0, ∞)) at <paramref name="mode"/>.
    /// </summary>
    /// <param name="logIntegrand">Concave log of the integrand; may return −∞.</param>
    /// <param name="mode">Maximiser of <paramref name="logIntegrand"/> on [lower, ∞).</param>
    /// <param name="lower">Lower limit (finite).</param>
    /// <param name="upper">Upper limit; may be +∞.</param>
    /// <param name="absoluteTolerance">Target absolute error of the result.</param>
    public static double Integrate(
        Func<double, double> logIntegrand,
        double mode,
        double lower,
        double upper,
        double absoluteTolerance)
    {
        if (!(upper > lower))
        {
            return 0;
        }

        var peak = logIntegrand(mode);
        if (double.IsNegativeInfinity(peak))
        {
            return 0;
        }

        var floor = peak - TailCutoffNats;
        var scale = Math.Exp(peak);
        if (scale == 0)
        {
            return 0;
        }

        // Clip each side to where the integrand is still above e^{-60} of its peak.
        var left = Math.Max(lower, FindCrossingBelow(logIntegrand, mode, floor, lower));
        var right = Math.Min(upper, FindCrossingAbove(logIntegrand, mode, floor));
        if (!(right > left))
        {
            return 0;
        }

        double Shifted(double x) => Math.Exp(logIntegrand(x) - peak);
        var relativeTolerance = absoluteTolerance / scale;
        var total = 0.0;
        if (mode > left && mode < right)
        {
            total += Adaptive(Shifted, left, mode, GaussLegendre(Shifted, left, mode), relativeTolerance, 0);
            total += Adaptive(Shifted, mode, right, GaussLegendre(Shifted, mode, right), relativeTolerance, 0);
        }
        else
        {
            total += Adaptive(Shifted, left, right, GaussLegendre(Shifted, left, right), relativeTolerance, 0);
        }

        return total * scale;
    }

    /// <summary>Largest x in [lower, mode] with g(x) ≤ floor, or lower when g stays above it.</summary>
    private static double FindCrossingBelow(Func<double, double> g, double mode, double floor, double lower)
    {
        if (mode <= lower || g(lower) > floor)
        {
            return lower;
        }

        // g(lower) ≤ floor < g(mode); g is increasing on [lower, mode].
        var lo = lower;
        var hi = mode;
        for (var i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, Math.Abs(hi)); i++)
        {
            var mid = 0.5 * (lo + hi);
            if (g(mid) > floor)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return lo;
    }

    /// <summary>Smallest x ≥ mode with g(x) ≤ floor (bracketed by doubling, then bisected).</summary>
    private static double FindCrossingAbove(Func<double, double> g, double mode, double floor)
    {
        var step = Math.Max(1e-9, 1e-9 * Math.Abs(mode));
        var lo = mode;
        var hi = mode + step;
        var doublings = 0;
        while (g(hi) > floor)
        {
            lo = hi;
            step *= 2;
            hi = mode + step;
            if (++doublings > 2000 || double.IsInfinity(hi))
            {
                return double.PositiveInfinity;
            }
        }

        for (var i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, Math.Abs(hi)); i++)
        {
            var mid = 0.5 * (lo + hi);
            if (g(mid) > floor)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }

    private static double Adaptive(Func<double, double> f, double a, double b, double whole, double tolerance, int depth)
    {
        var mid = 0.5 * (a + b);
        var left = GaussLegendre(f, a, mid);
        var right = GaussLegendre(f, mid, b);
        var sum = left + right;
        if (depth >= MaxDepth || Math.Abs(sum - whole) <= tolerance || mid <= a || mid >= b)
        {
            return sum;
        }

        var childTolerance = Math.Max(0.5 * tolerance, 1e-15 * Math.Abs(sum));
        return Adaptive(f, a, mid, left, childTolerance, depth + 1)
            + Adaptive(f, mid, b, right, childTolerance, depth + 1);
    }

    private static double GaussLegendre(Func<double, double> f, double a, double b)
    {
        var half = 0.5 * (b - a);
        var centre = 0.5 * (a + b);
        var sum = 0.0;
        var (nodes, weights) = Rule;
        for (var i = 0; i < nodes.Length; i++)
        {
            sum += weights[i] * f(centre + (half * nodes[i]));
        }

        return sum * half;
    }

    /// <summary>
    /// Nodes are the roots of the Legendre polynomial Pₙ, found by Newton's method from the classical
    /// cosine guesses; weights are 2 / ((1 − x²)·Pₙ'(x)²).
    /// </summary>
    private static (double[] Nodes, double[] Weights) BuildGaussLegendre(int n)
    {
        var nodes = new double[n];
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (var iteration = 0; iteration < 100; iteration++)
            {
                // Three-term recurrence for Pₙ(x), then Pₙ'(x) from Pₙ and Pₙ₋₁.
                double p0 = 1, p1 = x;
                for (var k = 2; k <= n; k++)
                {
                    var p2 = (((2 * k) - 1) * x * p1 - ((k - 1) * p0)) / k;
                    p0 = p1;
                    p1 = p2;
                }

                derivative = n * ((x * p1) - p0) / ((x * x) - 1);
                var step = p1 / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-16)
                {
                    break;
                }
            }

            nodes[i] = x;
            weights[i] = 2 / ((1 - (x * x)) * derivative * derivative);
        }

        return (nodes, weights);
    }
}
