namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Guard clauses for <see cref="StaffingPlanRequest"/>, kept apart from the arithmetic so the plan
/// reads as the calculation it is. Every check names the request property at fault.
/// </summary>
internal static class StaffingPlanValidation
{
    private const double ShareSlack = 1e-12;

    public static void Validate(StaffingPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Forecast, nameof(request.Forecast));
        ArgumentNullException.ThrowIfNull(request.Target, nameof(request.Target));
        ArgumentNullException.ThrowIfNull(request.WhatIf, nameof(request.WhatIf));

        var forecast = request.Forecast;
        if (forecast.Count == 0 || forecast.Count % forecast.IntervalsPerWeek != 0)
        {
            throw new ArgumentException(
                $"The forecast has {forecast.Count} intervals; a plan needs whole weeks ({forecast.IntervalsPerWeek} intervals of {forecast.Interval.TotalMinutes:0} minutes each) because FTE is weekly.",
                nameof(request.Forecast));
        }

        StaffingGuard.Positive(request.AverageHandleTimeSeconds, nameof(request.AverageHandleTimeSeconds));
        Fraction(request.HumanShare, nameof(request.HumanShare));
        if (request.MeanPatienceSeconds is { } patience)
        {
            StaffingGuard.Positive(patience, nameof(request.MeanPatienceSeconds));
        }

        StaffingGuard.Positive(request.ConcurrentChatsPerAgent, nameof(request.ConcurrentChatsPerAgent));
        StaffingGuard.OptionalFractionCap(request.MaxOccupancy, nameof(request.MaxOccupancy));
        StaffingGuard.Shrinkage(request.Shrinkage, nameof(request.Shrinkage));
        StaffingGuard.Positive(request.HoursPerFteWeek, nameof(request.HoursPerFteWeek));
        if (request.CurrentFte is { } currentFte)
        {
            StaffingGuard.NonNegative(currentFte, nameof(request.CurrentFte));
        }

        ValidateRoster(request);
        _ = EffectiveHumanShare(request);
    }

    /// <summary>
    /// Human share after the containment what-if. Containment −10 adds 10 points; a result outside
    /// 0–100 % is an impossible scenario and is reported rather than silently clamped.
    /// </summary>
    public static double EffectiveHumanShare(StaffingPlanRequest request)
    {
        var share = request.HumanShare - (request.WhatIf.ContainmentChangePoints / 100);
        if (share < -ShareSlack || share > 1 + ShareSlack)
        {
            throw new ArgumentException(
                $"A containment change of {request.WhatIf.ContainmentChangePoints} points moves the human share from {request.HumanShare:P1} to {share:P1}, outside 0–100 %.",
                nameof(request.WhatIf));
        }

        return Math.Clamp(share, 0, 1);
    }

    private static void ValidateRoster(StaffingPlanRequest request)
    {
        if (request.RosteredAgents is not { } roster)
        {
            return;
        }

        if (roster.Count != request.Forecast.Count)
        {
            throw new ArgumentException(
                $"The roster has {roster.Count} intervals but the forecast has {request.Forecast.Count}; give one rostered count per forecast interval.",
                nameof(request.RosteredAgents));
        }

        for (var i = 0; i < roster.Count; i++)
        {
            if (roster[i] < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(request.RosteredAgents), roster[i], $"Rostered agents in interval {i} must not be negative.");
            }
        }
    }

    private static void Fraction(double value, string paramName)
    {
        StaffingGuard.Finite(value, paramName);
        if (value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be between 0 and 1 (e.g. 0.3 for 30 %); got {value}.");
        }
    }
}
