namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Stationary distribution of the Erlang A birth–death chain, summarised into the sums the
/// performance measures need.
/// </summary>
/// <remarks>
/// <para>
/// States k = 0..N have birth rate λ and death rate kμ; states N + j (j queued) have death rate
/// Nμ + jθ because every queued customer independently hangs up at rate θ. Relative to π_N the
/// probabilities are π_k/π_N for k ≤ N, whose sum is 1/B(N, A) (Erlang B), and
/// r_j = π_{N+j}/π_N = Π_{i=1..j} λ/(Nμ + iθ) above N. Expressing the lower part through Erlang B
/// avoids the factorials, and the upper part is summed directly.
/// </para>
/// <para>
/// The queue part is truncated once the ratio λ/(Nμ + jθ) drops below one and the geometric bound
/// on everything left is below 1e-16 of the mass already summed; because the ratios keep falling
/// the bound is rigorous. The terms are rescaled by 1e-280 whenever they grow large (an overloaded
/// queue with patient customers), so no intermediate value overflows.
/// </para>
/// <para>
/// Per-arrival quantities use PASTA (Poisson arrivals see time averages): an arrival finds j
/// queued with probability π_{N+j}. With FIFO, the tagged customer then moves through stages with
/// m = j+1, j, …, 1 customers queued (itself included); in stage m its own patience clock competes
/// with "somebody ahead leaves" (service completion Nμ or an abandonment ahead (m−1)θ), so it
/// leaves stage m after an Exp(Nμ + mθ) time, abandoning with probability θ/(Nμ + mθ). The product
/// telescopes: it is answered with probability Nμ/(Nμ + (j+1)θ), and given that, its mean wait is
/// Σ_{m=1..j+1} 1/(Nμ + mθ) because the stage holding times do not depend on which event ends them.
/// </para>
/// </remarks>
internal readonly record struct ErlangAStationary(
    double ProbabilityOfWait,
    double ProbabilityOfAbandon,
    double AverageQueueLength,
    double ServedWaitMass,
    double LogProbabilityAllBusyNoQueue)
{
    private const double RescaleThreshold = 1e280;
    private const double RescaleFactor = 1e-280;
    private const long MaxQueueStates = 20_000_000;

    /// <summary>Solves the chain. Requires λ &gt; 0, μ &gt; 0, θ &gt; 0 and N ≥ 1.</summary>
    public static ErlangAStationary Solve(double lambda, double mu, double theta, int agents)
    {
        var offeredLoad = lambda / mu;
        var erlangB = ErlangC.ErlangBUnchecked(offeredLoad, agents);
        var serviceRate = agents * mu;

        // Scaled sums over j ≥ 0 of r_j·weight (true value = scaled · e^{logScale}).
        double logScale = 0, r = 1;
        double mass = 0, queueMass = 0, abandonMass = 0, servedWaitMass = 0;
        double meanWaitIfServed = 0;
        for (long j = 0; ; j++)
        {
            var stageRate = serviceRate + ((j + 1) * theta);
            meanWaitIfServed += 1 / stageRate;
            mass += r;
            queueMass += j * r;
            abandonMass += r * ((j + 1) * theta / stageRate);
            servedWaitMass += r * (serviceRate / stageRate) * meanWaitIfServed;

            var ratio = lambda / stageRate;
            if (ratio < 1)
            {
                var headroom = 1 - ratio;
                var tailBound = r * ratio / headroom * (j + 2 + (1 / headroom));
                if (tailBound <= 1e-16 * mass)
                {
                    break;
                }
            }

            if (j >= MaxQueueStates)
            {
                throw new ArgumentException(
                    "Customers are so patient relative to the overload that the queue would hold tens of millions "
                    + "of contacts; use Erlang C or add agents.");
            }

            r *= ratio;
            if (r > RescaleThreshold)
            {
                r *= RescaleFactor;
                mass *= RescaleFactor;
                queueMass *= RescaleFactor;
                abandonMass *= RescaleFactor;
                servedWaitMass *= RescaleFactor;
                logScale -= Math.Log(RescaleFactor);
            }
        }

        // π_N = B / (1 − B + B·Σ r_j); written in scaled form so nothing overflows.
        var denominator = ((1 - erlangB) * Math.Exp(-logScale)) + (erlangB * mass);
        double Probability(double scaledMass) => erlangB * scaledMass / denominator;

        var logPiN = erlangB > 0 ? Math.Log(erlangB) - logScale - Math.Log(denominator) : double.NegativeInfinity;
        return new ErlangAStationary(
            Math.Min(1, Probability(mass)),
            Math.Min(1, Probability(abandonMass)),
            Probability(queueMass),
            Probability(servedWaitMass),
            logPiN);
    }
}
