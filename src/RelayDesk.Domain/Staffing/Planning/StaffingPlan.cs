namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Turns a contact forecast into agents per interval, weekly FTE and a hiring need.
/// </summary>
/// <remarks>
/// Per interval: forecast × volume multiplier × (human share − containment change) = human contacts;
/// human contacts, handle time and target → required agents (Erlang C, or Erlang A when a patience
/// is given, with k chat slots per agent); required ÷ (1 − shrinkage) = scheduled agents. Scheduled
/// agent-hours per week ÷ contracted hours = FTE (<see cref="Fte.PerWeek"/>). Each interval is solved
/// independently with the incremental Erlang B search, so a week of half hours costs well under a
/// millisecond with Erlang C.
/// </remarks>
public static class StaffingPlan
{
    private const double RoundingSlack = 1e-9;

    /// <summary>Builds the plan.</summary>
    /// <param name="request">Forecast, handle time, target and the optional settings.</param>
    /// <returns>Rows per interval and the weekly totals.</returns>
    /// <exception cref="ArgumentNullException">The request, its forecast or target is null.</exception>
    /// <exception cref="ArgumentException">
    /// A forecast that is empty or not whole weeks, a roster of the wrong length, or a containment
    /// change that pushes the human share outside 0–100 %.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting outside its documented range.</exception>
    public static StaffingPlanResult Create(StaffingPlanRequest request)
    {
        StaffingPlanValidation.Validate(request);
        var forecast = request.Forecast;
        var share = StaffingPlanValidation.EffectiveHumanShare(request);
        var intervalSeconds = forecast.Interval.TotalSeconds;

        var human = new double[forecast.Count];
        var loads = new ContactLoad[forecast.Count];
        for (var i = 0; i < forecast.Count; i++)
        {
            human[i] = forecast[i] * request.WhatIf.VolumeMultiplier * share;
            loads[i] = ContactLoad.PerInterval(human[i], intervalSeconds, request.AverageHandleTimeSeconds);
        }

        var required = RequiredAgents(request, loads);
        var rows = new StaffingPlanRow[forecast.Count];
        var scheduled = new double[forecast.Count];
        for (var i = 0; i < forecast.Count; i++)
        {
            scheduled[i] = Shrinkage.ScheduledAgents(required[i], request.Shrinkage);
            int? rostered = request.RosteredAgents is { } roster ? roster[i] : null;
            rows[i] = new StaffingPlanRow(forecast.StartOf(i), forecast[i], human[i], required[i], scheduled[i], rostered, rostered - scheduled[i]);
        }

        var fteByWeek = PerWeek(scheduled, request);
        var weeklyFte = fteByWeek.Max();
        var currentFte = request.CurrentFte ?? RosterFte(request);
        var hiringNeed = (int)Math.Max(0, Math.Ceiling(weeklyFte - (currentFte ?? 0) - RoundingSlack));
        int? shortIntervals = request.RosteredAgents is null ? null : rows.Count(row => row.Gap < -RoundingSlack);

        return new StaffingPlanResult(
            rows,
            forecast.Interval,
            share,
            fteByWeek,
            weeklyFte,
            currentFte,
            hiringNeed,
            rows.Max(row => row.RequiredAgents),
            shortIntervals);
    }

    /// <summary>
    /// Erlang C via <see cref="ChatConcurrency"/> (k = 1 is plain Erlang C), or Erlang A on N·k slots
    /// when a patience is given (same answers as <see cref="ErlangA.RequiredAgents"/>, found faster by
    /// <see cref="ErlangAStaffingSearch"/>); the slot approximation is the one <see cref="ChatConcurrency"/> documents.
    /// </summary>
    private static int[] RequiredAgents(StaffingPlanRequest request, ContactLoad[] loads)
    {
        var k = request.ConcurrentChatsPerAgent;
        var target = request.Target;
        if (request.MeanPatienceSeconds is not { } patience)
        {
            return Array.ConvertAll(
                loads, load => ChatConcurrency.RequiredAgents(load, k, target.ServiceLevel, target.AnswerWithinSeconds, request.MaxOccupancy));
        }

        var slots = ErlangAStaffingSearch.RequiredAgents(loads, patience, target, request.MaxOccupancy);
        return Array.ConvertAll(slots, n => (int)(((long)n + k - 1) / k));
    }

    /// <summary>FTE of each plan week; the forecast is whole weeks, checked by validation.</summary>
    private static double[] PerWeek(double[] scheduled, StaffingPlanRequest request)
    {
        var week = request.Forecast.IntervalsPerWeek;
        var weeks = new double[scheduled.Length / week];
        for (var w = 0; w < weeks.Length; w++)
        {
            weeks[w] = Fte.PerWeek(new ArraySegment<double>(scheduled, w * week, week), request.Forecast.Interval, request.HoursPerFteWeek);
        }

        return weeks;
    }

    /// <summary>Average weekly FTE the roster represents: its agent-hours ÷ weeks ÷ contracted hours.</summary>
    private static double? RosterFte(StaffingPlanRequest request)
    {
        if (request.RosteredAgents is not { } roster)
        {
            return null;
        }

        var weeks = roster.Count / request.Forecast.IntervalsPerWeek;
        return Fte.PerWeek(roster.Select(agents => (double)agents), request.Forecast.Interval, request.HoursPerFteWeek) / weeks;
    }
}
