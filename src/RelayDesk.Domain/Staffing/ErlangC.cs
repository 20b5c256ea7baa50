namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Erlang C: the M/M/N queue (Poisson arrivals, exponential handling, N agents, first come first
/// served, nobody hangs up). It is the industry-standard staffing model; it is pessimistic when
/// customers abandon (see <see cref="ErlangA"/>), which errs on the side of over-staffing.
/// </summary>
/// <remarks>
/// <para>
/// Everything is built on the Erlang B blocking probability computed with the recursion
/// B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)). Unlike the textbook form Aᴺ/N! / Σ Aᵏ/k! it never
/// forms a factorial or a power, every intermediate value stays in [0, 1], and it is therefore exact
/// to rounding for tens of thousands of agents where the textbook form overflows at N ≈ 170.
/// </para>
/// <para>
/// Conventions: when N ≤ A the queue is unstable (work arrives faster than it can be done), so the
/// long-run probability of waiting is 1, the service level is 0 and the ASA is +∞. With no traffic
/// (A = 0) nobody waits.
/// </para>
/// </remarks>
public static class ErlangC
{
    /// <summary>
    /// Upper bound on any agent search. No real desk staffs one queue with 10 million agents; hitting
    /// it means the inputs are nonsense and we would rather throw than spin.
    /// </summary>
    internal const int MaxAgents = 10_000_000;

    /// <summary>
    /// Erlang B blocking probability B(N, A): the share of contacts that would find all N servers
    /// busy if blocked contacts were lost instead of queued. It is the building block of Erlang C.
    /// </summary>
    /// <param name="offeredLoadErlangs">Offered load A ≥ 0.</param>
    /// <param name="servers">Servers N ≥ 0.</param>
    /// <returns>B in [0, 1]; 1 when N = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative load or servers.</exception>
    public static double ErlangB(double offeredLoadErlangs, int servers)
    {
        StaffingGuard.NonNegative(offeredLoadErlangs, nameof(offeredLoadErlangs));
        StaffingGuard.NonNegative(servers, nameof(servers));
        return ErlangBUnchecked(offeredLoadErlangs, servers);
    }

    /// <summary>
    /// Probability that an arriving contact has to queue, P(wait) = N·B / (N − A·(1 − B)) for N &gt; A.
    /// </summary>
    /// <param name="offeredLoadErlangs">Offered load A ≥ 0.</param>
    /// <param name="agents">Agents N ≥ 0.</param>
    /// <returns>P(wait) in [0, 1]; 1 when N ≤ A (unstable), 0 when A = 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative load or agents.</exception>
    public static double ProbabilityOfWait(double offeredLoadErlangs, int agents)
    {
        StaffingGuard.NonNegative(offeredLoadErlangs, nameof(offeredLoadErlangs));
        StaffingGuard.NonNegative(agents, nameof(agents));
        return ProbabilityOfWaitFromErlangB(offeredLoadErlangs, agents, ErlangBUnchecked(offeredLoadErlangs, agents));
    }

    /// <summary>
    /// Service level SL(t) = 1 − P(wait)·e^{−(N−A)·t/AHT}: the share of contacts answered within
    /// <paramref name="answerWithinSeconds"/>. The exponential is the tail of the queueing delay,
    /// which in M/M/N is exponential with rate (N−A)/AHT once a contact has to wait.
    /// </summary>
    /// <param name="load">Arrival rate and handle time.</param>
    /// <param name="agents">Agents N ≥ 0.</param>
    /// <param name="answerWithinSeconds">Threshold t ≥ 0 (the "20" in "80/20").</param>
    /// <returns>SL in [0, 1]; 0 when N ≤ A, 1 when there is no traffic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative agents or threshold.</exception>
    public static double ServiceLevel(ContactLoad load, int agents, double answerWithinSeconds) =>
        Evaluate(load, agents, answerWithinSeconds).ServiceLevel;

    /// <summary>
    /// Average speed of answer ASA = P(wait)·AHT / (N − A): the mean wait over all contacts,
    /// including the ones answered immediately (the usual ACD definition).
    /// </summary>
    /// <param name="load">Arrival rate and handle time.</param>
    /// <param name="agents">Agents N ≥ 0.</param>
    /// <returns>ASA in seconds; +∞ when N ≤ A, 0 when there is no traffic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative agents.</exception>
    public static double AverageSpeedOfAnswer(ContactLoad load, int agents) =>
        Evaluate(load, agents, 0).AverageSpeedOfAnswerSeconds;

    /// <summary>
    /// Occupancy A/N: the share of logged-in agent time spent on contacts. Capped at 1 because an
    /// overloaded queue keeps every agent busy all the time, not more than all the time.
    /// </summary>
    /// <param name="offeredLoadErlangs">Offered load A ≥ 0.</param>
    /// <param name="agents">Agents N ≥ 0.</param>
    /// <returns>Occupancy in [0, 1]; 0 with no traffic or no agents (there is no agent time to occupy).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative load or agents.</exception>
    public static double Occupancy(double offeredLoadErlangs, int agents)
    {
        StaffingGuard.NonNegative(offeredLoadErlangs, nameof(offeredLoadErlangs));
        StaffingGuard.NonNegative(agents, nameof(agents));
        return OccupancyUnchecked(offeredLoadErlangs, agents);
    }

    /// <summary>Computes every Erlang C figure for one staffing level with a single Erlang B recursion.</summary>
    /// <param name="load">Arrival rate and handle time.</param>
    /// <param name="agents">Agents N ≥ 0.</param>
    /// <param name="answerWithinSeconds">Service-level threshold t ≥ 0.</param>
    /// <returns>The figures; see <see cref="ErlangCResult"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative agents or threshold.</exception>
    public static ErlangCResult Evaluate(ContactLoad load, int agents, double answerWithinSeconds)
    {
        ArgumentNullException.ThrowIfNull(load);
        StaffingGuard.NonNegative(agents, nameof(agents));
        StaffingGuard.NonNegative(answerWithinSeconds, nameof(answerWithinSeconds));

        var a = load.OfferedLoadErlangs;
        var pWait = ProbabilityOfWaitFromErlangB(a, agents, ErlangBUnchecked(a, agents));
        return new ErlangCResult(
            a,
            agents,
            pWait,
            ServiceLevelFromPWait(load, agents, pWait, answerWithinSeconds),
            answerWithinSeconds,
            AverageSpeedOfAnswerFromPWait(load, agents, pWait),
            OccupancyUnchecked(a, agents));
    }

    /// <summary>
    /// The smallest number of agents whose Erlang C service level reaches the target (and, when
    /// given, whose occupancy A/N does not exceed the cap).
    /// </summary>
    /// <remarks>
    /// Service level rises with N, so the answer is found by walking up from ⌊A⌋ + 1, the first stable
    /// staffing level. B is carried forward one step of the recursion per candidate instead of being
    /// recomputed, so the whole search costs O(N) arithmetic: a 5,000-erlang queue takes microseconds.
    /// The occupancy cap exists because a very large queue meets a service level at occupancies
    /// (97 %+) that burn agents out; capping it adds agents up to ⌈A / cap⌉.
    /// </remarks>
    /// <param name="load">Arrival rate and handle time.</param>
    /// <param name="targetServiceLevel">Target share answered in time, strictly between 0 and 1.</param>
    /// <param name="answerWithinSeconds">Threshold t ≥ 0 in seconds.</param>
    /// <param name="maxOccupancy">Optional occupancy cap in (0, 1].</param>
    /// <returns>Required agents; 0 when there is no traffic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target outside (0, 1), a negative threshold or a cap outside (0, 1].</exception>
    public static int RequiredAgents(
        ContactLoad load,
        double targetServiceLevel,
        double answerWithinSeconds,
        double? maxOccupancy = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        StaffingGuard.ServiceLevelTarget(targetServiceLevel, nameof(targetServiceLevel));
        StaffingGuard.NonNegative(answerWithinSeconds, nameof(answerWithinSeconds));
        StaffingGuard.OptionalFractionCap(maxOccupancy, nameof(maxOccupancy));

        var a = load.OfferedLoadErlangs;
        if (a == 0)
        {
            return 0;
        }

        if (a >= MaxAgents)
        {
            throw new ArgumentOutOfRangeException(
                nameof(load), a, $"Offered load of {a} erlangs is beyond what one queue can be staffed for.");
        }

        var n = (int)Math.Floor(a) + 1;
        var b = ErlangBUnchecked(a, n);
        while (true)
        {
            var pWait = ProbabilityOfWaitFromErlangB(a, n, b);
            var serviceLevel = ServiceLevelFromPWait(load, n, pWait, answerWithinSeconds);
            var occupancyOk = maxOccupancy is not { } cap || a / n <= cap;
            if (serviceLevel >= targetServiceLevel && occupancyOk)
            {
                return n;
            }

            if (n >= MaxAgents)
            {
                throw new InvalidOperationException($"No staffing level up to {MaxAgents} agents meets the target.");
            }

            n++;
            b = a * b / (n + a * b);
        }
    }

    /// <summary>The recursion itself, without argument checks, for callers that already validated.</summary>
    internal static double ErlangBUnchecked(double offeredLoadErlangs, int servers)
    {
        var b = 1.0;
        for (var n = 1; n <= servers; n++)
        {
            var ab = offeredLoadErlangs * b;
            b = ab / (n + ab);
        }

        return b;
    }

    /// <summary>
    /// Converts Erlang B into Erlang C. The denominator N − A(1 − B) is positive whenever N &gt; A,
    /// so the division is safe exactly in the stable region where the formula applies.
    /// </summary>
    internal static double ProbabilityOfWaitFromErlangB(double offeredLoadErlangs, int agents, double erlangB)
    {
        if (offeredLoadErlangs == 0)
        {
            return 0;
        }

        if (agents <= offeredLoadErlangs)
        {
            return 1;
        }

        var pWait = agents * erlangB / (agents - offeredLoadErlangs * (1 - erlangB));
        return Math.Clamp(pWait, 0, 1);
    }

    private static double ServiceLevelFromPWait(ContactLoad load, int agents, double pWait, double answerWithinSeconds)
    {
        var a = load.OfferedLoadErlangs;
        if (a == 0)
        {
            return 1;
        }

        if (agents <= a)
        {
            return 0;
        }

        var decay = Math.Exp(-(agents - a) * answerWithinSeconds / load.AverageHandleTimeSeconds);
        return Math.Clamp(1 - (pWait * decay), 0, 1);
    }

    private static double AverageSpeedOfAnswerFromPWait(ContactLoad load, int agents, double pWait)
    {
        var a = load.OfferedLoadErlangs;
        if (a == 0)
        {
            return 0;
        }

        if (agents <= a)
        {
            return double.PositiveInfinity;
        }

        return pWait * load.AverageHandleTimeSeconds / (agents - a);
    }

    private static double OccupancyUnchecked(double offeredLoadErlangs, int agents)
    {
        if (offeredLoadErlangs == 0 || agents == 0)
        {
            return 0;
        }

        return agents <= offeredLoadErlangs ? 1 : offeredLoadErlangs / agents;
    }
}
