namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Erlang A (Palm's M/M/N+M queue): Erlang C plus customers who hang up. Each queued customer has an
/// exponentially distributed patience with mean <c>meanPatienceSeconds</c> (rate θ = 1/mean) and
/// abandons if not answered by then. Follows Garnett, Mandelbaum &amp; Reiman (2002), "Designing a
/// call center with impatient customers", and Mandelbaum &amp; Zeltyn, "Service engineering in action:
/// the Palm/Erlang-A queue, with applications to call centers".
/// </summary>
/// <remarks>
/// <para>
/// Why bother: Erlang C assumes nobody ever hangs up, so every excess arrival stays in the queue
/// forever; real queues shed load through abandonment, which shortens the wait of those who stay.
/// Erlang C therefore overstates waits and over-staffs, badly so for small or overloaded queues,
/// and it cannot be evaluated at all when N ≤ A, which Erlang A can.
/// </para>
/// <para>
/// Method: the stationary distribution of the birth–death chain is computed directly (see
/// <see cref="ErlangAStationary"/>), giving P(wait), P(abandon) and the waits exactly up to a
/// truncation error below 1e-15. The service level needs the distribution of the offered wait V (the
/// time an infinitely patient arrival would wait). For M/M/N+G its density on x &gt; 0 is
/// f_V(x) = λ·π_{N−1}·exp(λ·∫₀ˣ Ḡ(u)du − Nμx) (Baccelli &amp; Hébuterne 1981, used by Zeltyn &amp;
/// Mandelbaum); with exponential patience ∫₀ˣ Ḡ = (1 − e^{−θx})/θ, and λπ_{N−1} = Nμπ_N. An arrival
/// is answered within t exactly when V ≤ t and its patience exceeds V, so
/// SL(t) = P(V = 0) + ∫₀ᵗ f_V(x)·e^{−θx} dx. The integrand is log-concave and is integrated
/// adaptively (<see cref="LogConcaveIntegral"/>) to about 1e-12.
/// </para>
/// <para>
/// Definitions used here. Service level: answered within t divided by <em>all</em> arrivals; an
/// abandoned contact counts as not answered in time whether it hung up before or after t. ASA: mean
/// wait of <em>answered</em> contacts (immediate answers count as zero), which is what an ACD
/// reports; the mean over all arrivals is <see cref="ErlangAResult.AverageWaitAllContactsSeconds"/>.
/// P(abandon) is over all arrivals and equals θ·E[queue length]/λ.
/// </para>
/// </remarks>
public static class ErlangA
{
    private const double IntegrationTolerance = 1e-13;

    /// <summary>Computes every Erlang A figure for one staffing level.</summary>
    /// <param name="load">Arrival rate and handle time.</param>
    /// <param name="agents">Agents N ≥ 0 (any N works, even below the offered load).</param>
    /// <param name="meanPatienceSeconds">
    /// Mean patience 1/θ in seconds, finite and positive. For customers who never hang up use
    /// <see cref="ErlangC"/>; a very large value here converges to it.
    /// </param>
    /// <param name="answerWithinSeconds">Service-level threshold t ≥ 0.</param>
    /// <returns>The figures; see <see cref="ErlangAResult"/> for their exact definitions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative agents or threshold, or a non-positive patience.</exception>
    public static ErlangAResult Evaluate(ContactLoad load, int agents, double meanPatienceSeconds, double answerWithinSeconds)
    {
        ArgumentNullException.ThrowIfNull(load);
        StaffingGuard.NonNegative(agents, nameof(agents));
        StaffingGuard.Positive(meanPatienceSeconds, nameof(meanPatienceSeconds));
        StaffingGuard.NonNegative(answerWithinSeconds, nameof(answerWithinSeconds));

        var lambda = load.ArrivalRatePerSecond;
        var a = load.OfferedLoadErlangs;
        if (lambda == 0)
        {
            return new ErlangAResult(a, agents, meanPatienceSeconds, 0, 0, 1, answerWithinSeconds, 0, 0, 0, 0);
        }

        if (agents == 0)
        {
            // Everybody queues and everybody eventually gives up; by Little's law the queue holds λ/θ.
            return new ErlangAResult(
                a,
                agents,
                meanPatienceSeconds,
                ProbabilityOfWait: 1,
                ProbabilityOfAbandon: 1,
                ServiceLevel: 0,
                answerWithinSeconds,
                AverageSpeedOfAnswerSeconds: double.PositiveInfinity,
                AverageWaitAllContactsSeconds: meanPatienceSeconds,
                AverageQueueLength: lambda * meanPatienceSeconds,
                Occupancy: 0);
        }

        var mu = 1 / load.AverageHandleTimeSeconds;
        var theta = 1 / meanPatienceSeconds;
        var chain = ErlangAStationary.Solve(lambda, mu, theta, agents);

        var answered = 1 - chain.ProbabilityOfAbandon;
        var serviceLevel = (1 - chain.ProbabilityOfWait)
            + AnsweredAfterWaitingWithin(lambda, agents * mu, theta, chain.LogProbabilityAllBusyNoQueue, answerWithinSeconds);

        return new ErlangAResult(
            a,
            agents,
            meanPatienceSeconds,
            chain.ProbabilityOfWait,
            chain.ProbabilityOfAbandon,
            Math.Clamp(serviceLevel, 0, 1),
            answerWithinSeconds,
            answered > 0 ? chain.ServedWaitMass / answered : double.PositiveInfinity,
            chain.AverageQueueLength / lambda,
            chain.AverageQueueLength,
            Math.Min(1, a * answered / agents));
    }

    /// <summary>
    /// Share of all arrivals answered within <paramref name="answerWithinSeconds"/> under Erlang A
    /// (abandoned contacts count as not answered in time).
    /// </summary>
    /// <param name="load">Arrival rate and handle time.</param>
    /// <param name="agents">Agents N ≥ 0.</param>
    /// <param name="meanPatienceSeconds">Mean patience in seconds, finite and positive.</param>
    /// <param name="answerWithinSeconds">Threshold t ≥ 0.</param>
    /// <returns>Service level in [0, 1].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">See <see cref="Evaluate"/>.</exception>
    public static double ServiceLevel(ContactLoad load, int agents, double meanPatienceSeconds, double answerWithinSeconds) =>
        Evaluate(load, agents, meanPatienceSeconds, answerWithinSeconds).ServiceLevel;

    /// <summary>
    /// The smallest number of agents meeting the service-level target under Erlang A, optionally also
    /// capping occupancy and the abandonment rate.
    /// </summary>
    /// <remarks>
    /// Service level and answered share rise, and occupancy falls, as agents are added, so the answer is
    /// bracketed by doubling from ⌈A⌉ and then found by bisection: O(log N) evaluations of O(N) each.
    /// Unlike Erlang C the result may be below the offered load when patience is short, because
    /// abandonment sheds part of the work.
    /// </remarks>
    /// <param name="load">Arrival rate and handle time.</param>
    /// <param name="meanPatienceSeconds">Mean patience in seconds, finite and positive.</param>
    /// <param name="targetServiceLevel">Target share answered in time, strictly between 0 and 1.</param>
    /// <param name="answerWithinSeconds">Threshold t ≥ 0.</param>
    /// <param name="maxOccupancy">Optional occupancy cap in (0, 1].</param>
    /// <param name="maxAbandonRate">Optional cap on the share of arrivals abandoning, in (0, 1].</param>
    /// <returns>Required agents; 0 when there is no traffic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target outside (0, 1), a negative threshold, a non-positive patience or a cap outside (0, 1].</exception>
    public static int RequiredAgents(
        ContactLoad load,
        double meanPatienceSeconds,
        double targetServiceLevel,
        double answerWithinSeconds,
        double? maxOccupancy = null,
        double? maxAbandonRate = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        StaffingGuard.Positive(meanPatienceSeconds, nameof(meanPatienceSeconds));
        StaffingGuard.ServiceLevelTarget(targetServiceLevel, nameof(targetServiceLevel));
        StaffingGuard.NonNegative(answerWithinSeconds, nameof(answerWithinSeconds));
        StaffingGuard.OptionalFractionCap(maxOccupancy, nameof(maxOccupancy));
        StaffingGuard.OptionalFractionCap(maxAbandonRate, nameof(maxAbandonRate));

        if (load.ArrivalRatePerSecond == 0)
        {
            return 0;
        }

        if (load.OfferedLoadErlangs >= ErlangC.MaxAgents)
        {
            throw new ArgumentOutOfRangeException(
                nameof(load), load.OfferedLoadErlangs, "Offered load is beyond what one queue can be staffed for.");
        }

        bool Meets(int agents)
        {
            var result = Evaluate(load, agents, meanPatienceSeconds, answerWithinSeconds);
            return result.ServiceLevel >= targetServiceLevel
                && (maxOccupancy is not { } occupancyCap || result.Occupancy <= occupancyCap)
                && (maxAbandonRate is not { } abandonCap || result.ProbabilityOfAbandon <= abandonCap);
        }

        // Zero agents answer nobody, so 0 always fails a positive target.
        var failing = 0;
        var meeting = Math.Max(1, (int)Math.Ceiling(load.OfferedLoadErlangs));
        while (!Meets(meeting))
        {
            if (meeting >= ErlangC.MaxAgents)
            {
                throw new InvalidOperationException($"No staffing level up to {ErlangC.MaxAgents} agents meets the target.");
            }

            failing = meeting;
            meeting = (int)Math.Min((long)meeting * 2, ErlangC.MaxAgents);
        }

        while (meeting - failing > 1)
        {
            var middle = failing + ((meeting - failing) / 2);
            if (Meets(middle))
            {
                meeting = middle;
            }
            else
            {
                failing = middle;
            }
        }

        return meeting;
    }

    /// <summary>∫₀ᵗ f_V(x)·e^{−θx} dx: arrivals that had to queue and were answered within t.</summary>
    private static double AnsweredAfterWaitingWithin(
        double lambda,
        double serviceRate,
        double theta,
        double logPiN,
        double answerWithinSeconds)
    {
        if (answerWithinSeconds == 0 || double.IsNegativeInfinity(logPiN))
        {
            return 0;
        }

        var logScale = Math.Log(serviceRate) + logPiN;
        var decay = serviceRate + theta;

        // log f_V(x)·e^{−θx}; concave because its second derivative is −λθe^{−θx}.
        double LogIntegrand(double x) => logScale + (lambda * OneMinusExpOverRate(theta, x)) - (decay * x);

        // Where the derivative λe^{−θx} − (Nμ + θ) vanishes; at 0 when the integrand only decreases.
        var mode = lambda > decay ? Math.Log(lambda / decay) / theta : 0;
        return LogConcaveIntegral.Integrate(LogIntegrand, mode, 0, answerWithinSeconds, IntegrationTolerance);
    }

    /// <summary>
    /// (1 − e^{−θx})/θ without cancellation when θx is tiny (very patient customers), using Kahan's
    /// expm1 trick; the naive form would lose every digit as θ → 0.
    /// </summary>
    private static double OneMinusExpOverRate(double theta, double x)
    {
        var u = -theta * x;
        var y = Math.Exp(u);
        if (y == 1)
        {
            return x;
        }

        var expm1 = y - 1;
        if (expm1 == -1)
        {
            return 1 / theta;
        }

        return -(expm1 * u / Math.Log(y)) / theta;
    }
}
