namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Converts agents needed on the phones into agents who must be scheduled. Shrinkage is the share of
/// paid, scheduled time lost to breaks, meetings, training, absence and so on; the queue only sees
/// the people who remain.
/// </summary>
public static class Shrinkage
{
    /// <summary>
    /// Scheduled = required / (1 − shrinkage). Division, not multiplication by (1 + shrinkage): with
    /// 30 % shrinkage, scheduling 1.3× leaves only 0.91× on the floor, while 1/0.7 ≈ 1.43× leaves exactly 1×.
    /// </summary>
    /// <param name="requiredAgents">Productive agents needed (e.g. from Erlang C), ≥ 0; may be fractional.</param>
    /// <param name="shrinkage">Share of scheduled time not available, in [0, 1).</param>
    /// <returns>Agents to schedule, unrounded.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative requirement or shrinkage outside [0, 1).</exception>
    public static double ScheduledAgents(double requiredAgents, double shrinkage)
    {
        StaffingGuard.NonNegative(requiredAgents, nameof(requiredAgents));
        StaffingGuard.Shrinkage(shrinkage, nameof(shrinkage));
        return requiredAgents / (1 - shrinkage);
    }

    /// <summary>
    /// <see cref="ScheduledAgents"/> rounded up to whole people. A relative slack of 1e-9 absorbs
    /// floating-point noise so that, say, 21 / (1 − 0.3) = 30.000000000000004 schedules 30, not 31.
    /// </summary>
    /// <param name="requiredAgents">Productive agents needed, ≥ 0.</param>
    /// <param name="shrinkage">Share of scheduled time not available, in [0, 1).</param>
    /// <returns>Whole agents to schedule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative requirement or shrinkage outside [0, 1).</exception>
    public static int ScheduledHeadcount(int requiredAgents, double shrinkage)
    {
        StaffingGuard.NonNegative(requiredAgents, nameof(requiredAgents));
        var scheduled = ScheduledAgents(requiredAgents, shrinkage);
        var rounded = Math.Ceiling(scheduled * (1 - 1e-9));
        if (rounded > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(shrinkage), shrinkage, "Scheduled headcount exceeds the supported range.");
        }

        return (int)rounded;
    }
}
