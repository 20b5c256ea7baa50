namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Everything a staffing plan needs: the contact forecast, how much of it reaches a person, how
/// long a person spends on it, the service goal and how scheduled time shrinks.
/// </summary>
/// <remarks>
/// Validation happens in <see cref="StaffingPlan.Create"/>, so a request can be built up with
/// <c>with</c> expressions for several scenarios and only the one that is run must be complete.
/// </remarks>
/// <param name="Forecast">
/// Contacts per interval, whole weeks only (336 half hours or 672 quarter hours per week) because
/// FTE is a weekly figure; usually <see cref="VolumeForecastResult.Forecast"/>.
/// </param>
/// <param name="AverageHandleTimeSeconds">
/// Mean time a person spends per contact, wrap-up included. With chat concurrency above 1 this must
/// be the handle time observed at that concurrency (see <see cref="ChatConcurrency"/>).
/// </param>
/// <param name="Target">Service-level goal, e.g. <c>StaffingTarget.Parse("80/60")</c>.</param>
public sealed record StaffingPlanRequest(IntervalSeries Forecast, double AverageHandleTimeSeconds, StaffingTarget Target)
{
    /// <summary>
    /// Share of forecast contacts that need a person (the escalation rate, 1 − containment), 0–1.
    /// Default 1, meaning the forecast already counts human contacts. If the forecast counts human
    /// requests but containment what-ifs are wanted, divide it by the current escalation rate and put
    /// that rate here, so that a containment change has conversations to act on.
    /// </summary>
    public double HumanShare { get; init; } = 1;

    /// <summary>Scenario adjustments (containment change, volume multiplier); default none.</summary>
    public WhatIf WhatIf { get; init; } = WhatIf.None;

    /// <summary>
    /// Mean customer patience in seconds. When set, required agents come from Erlang A (customers
    /// abandon), which staffs less than Erlang C; when null, Erlang C (nobody abandons), the prudent default.
    /// </summary>
    public double? MeanPatienceSeconds { get; init; }

    /// <summary>Chats one agent works at once (k ≥ 1); agents are required slots ÷ k, rounded up.</summary>
    public int ConcurrentChatsPerAgent { get; init; } = 1;

    /// <summary>Optional occupancy cap in (0, 1] (per slot with concurrency), e.g. 0.85, to keep large queues humane.</summary>
    public double? MaxOccupancy { get; init; }

    /// <summary>Share of scheduled time lost to breaks, meetings, training, absence, in [0, 1); default 0. Typical desks run 0.25–0.35.</summary>
    public double Shrinkage { get; init; }

    /// <summary>Contracted hours of one FTE per week; default 40.</summary>
    public double HoursPerFteWeek { get; init; } = Fte.DefaultHoursPerFteWeek;

    /// <summary>
    /// Optional people rostered in each forecast interval (same length as <see cref="Forecast"/>). They
    /// are compared with scheduled agents (both count people on the schedule, before shrinkage takes its share), giving the gap per interval.
    /// </summary>
    public IReadOnlyList<int>? RosteredAgents { get; init; }

    /// <summary>
    /// Optional FTE currently employed. When null it is taken from the roster (its average weekly
    /// agent-hours ÷ <see cref="HoursPerFteWeek"/>); with neither, hiring need is the full requirement.
    /// </summary>
    public double? CurrentFte { get; init; }
}
