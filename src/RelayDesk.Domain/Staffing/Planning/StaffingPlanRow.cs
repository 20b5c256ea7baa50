namespace RelayDesk.Domain.Staffing;

/// <summary>One interval of a staffing plan.</summary>
/// <param name="IntervalStart">Start of the interval.</param>
/// <param name="ForecastContacts">Contacts forecast for the interval, before what-ifs.</param>
/// <param name="HumanContacts">Contacts that need a person after human share and what-ifs.</param>
/// <param name="RequiredAgents">Agents who must be handling contacts to meet the target (whole people).</param>
/// <param name="ScheduledAgents">
/// Agents to schedule so that, after shrinkage, the required ones are available: required ÷ (1 − shrinkage),
/// unrounded, because FTE sums agent-hours and rounding every interval up would overstate it.
/// </param>
/// <param name="RosteredAgents">People on the roster for the interval, if a roster was given.</param>
/// <param name="Gap">Rostered − scheduled: negative means short-staffed, positive means spare; null without a roster.</param>
public sealed record StaffingPlanRow(
    DateTimeOffset IntervalStart,
    double ForecastContacts,
    double HumanContacts,
    int RequiredAgents,
    double ScheduledAgents,
    int? RosteredAgents,
    double? Gap);
