namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Full-time equivalents: turns an interval-by-interval schedule requirement into the number of
/// full-time contracts it represents, which is what hiring and budgeting work in.
/// </summary>
public static class Fte
{
    /// <summary>The default full-time week in hours.</summary>
    public const double DefaultHoursPerFteWeek = 40;

    /// <summary>
    /// FTE per week = Σ(scheduled agents in each interval × interval hours) / hours per FTE-week.
    /// Agent-hours are summed rather than taking a peak, because FTE measures paid hours, not
    /// simultaneous heads; fractional interval requirements are kept as they are (round before
    /// calling if the schedule rounds).
    /// </summary>
    /// <param name="scheduledAgentsPerInterval">Scheduled agents for each interval of the week (after shrinkage), each ≥ 0.</param>
    /// <param name="intervalLength">Length of each interval, e.g. 30 minutes.</param>
    /// <param name="hoursPerFteWeek">Contracted hours of one FTE per week; defaults to 40.</param>
    /// <returns>FTE required for the week.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scheduledAgentsPerInterval"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite interval value, a non-positive interval length or FTE week.</exception>
    public static double PerWeek(
        IEnumerable<double> scheduledAgentsPerInterval,
        TimeSpan intervalLength,
        double hoursPerFteWeek = DefaultHoursPerFteWeek)
    {
        ArgumentNullException.ThrowIfNull(scheduledAgentsPerInterval);
        StaffingGuard.Positive(intervalLength.TotalHours, nameof(intervalLength));
        StaffingGuard.Positive(hoursPerFteWeek, nameof(hoursPerFteWeek));

        var agentIntervals = 0.0;
        foreach (var agents in scheduledAgentsPerInterval)
        {
            StaffingGuard.NonNegative(agents, nameof(scheduledAgentsPerInterval));
            agentIntervals += agents;
        }

        return agentIntervals * intervalLength.TotalHours / hoursPerFteWeek;
    }
}
