namespace RelayDesk.Domain.Staffing;

/// <summary>A staffing plan: per-interval requirements and the totals hiring decisions are made on.</summary>
/// <param name="Rows">One row per forecast interval, in order.</param>
/// <param name="Interval">Interval length of the rows.</param>
/// <param name="EffectiveHumanShare">Human share after the containment what-if (before the volume multiplier).</param>
/// <param name="FteByWeek">Required FTE of each plan week (<see cref="Fte.PerWeek"/> of the scheduled agents).</param>
/// <param name="WeeklyFte">Required weekly FTE: the busiest plan week, since staff must cover it.</param>
/// <param name="CurrentFte">Employed FTE (given, or derived from the roster); null if neither was supplied.</param>
/// <param name="HiringNeed">max(0, ⌈<paramref name="WeeklyFte"/> − current FTE⌉), with current FTE 0 when unknown.</param>
/// <param name="PeakRequiredAgents">Largest required-agent figure of any interval.</param>
/// <param name="ShortIntervals">Intervals where the roster is below the scheduled requirement; null without a roster.</param>
public sealed record StaffingPlanResult(
    IReadOnlyList<StaffingPlanRow> Rows,
    TimeSpan Interval,
    double EffectiveHumanShare,
    IReadOnlyList<double> FteByWeek,
    double WeeklyFte,
    double? CurrentFte,
    int HiringNeed,
    int PeakRequiredAgents,
    int? ShortIntervals);
