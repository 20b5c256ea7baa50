namespace RelayDesk.Domain.Staffing;

/// <summary>A past request for a person, with the skill and language the person needed.</summary>
public sealed record HumanRequestRecord(DateTimeOffset At, string Skill, string Language);

/// <summary>A staff member as the roster sees them: what they can handle, in which languages.</summary>
public sealed record RosterAgent(IReadOnlyCollection<string> Skills, IReadOnlyCollection<string> Languages);

/// <summary>Next week's need for one skill and language, against the people today's roster has for it.</summary>
public sealed record SkillStaffingLine(
    string Skill,
    string Language,
    double ShareOfConversations,
    double WeeklyFte,
    int PeakRequiredAgents,
    int QualifiedAgents,
    double? CurrentFte,
    int HiringNeed);

/// <summary>
/// Splits the plan by the skill and language a person needed (from the escalation history): each group is sized as
/// its own queue with Erlang C/A, so specialists for hardship or fraud are planned for even when they are a small share.
/// The roster side counts every agent qualified for a group; an agent with several skills counts in each of them,
/// so a group's gap is a lower bound when those agents are busy elsewhere.
/// </summary>
public static class SkillStaffingPlan
{
    /// <summary>The group for requests that need no particular topic skill: any agent speaking the language serves them.</summary>
    public const string General = "general";

    public static IReadOnlyList<SkillStaffingLine> Create(
        StaffingPlanOutcome total,
        IReadOnlyCollection<HumanRequestRecord> requests,
        IReadOnlyCollection<RosterAgent> agents,
        StaffingPlannerSettings settings,
        Func<IntervalSeries, int, IReadOnlyList<int>> roster)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(roster);
        if (requests.Count == 0 || total.ConversationsInHistory == 0)
        {
            return [];
        }

        var forecast = total.Forecast.Forecast;
        var lines = new List<SkillStaffingLine>();
        foreach (var group in requests.GroupBy(r => (r.Skill, r.Language)).OrderBy(g => g.Key.Skill, StringComparer.Ordinal).ThenBy(g => g.Key.Language, StringComparer.Ordinal))
        {
            var share = Math.Clamp((double)group.Count() / total.ConversationsInHistory, 0, 1);
            var qualified = agents.Count(a => a.Languages.Contains(group.Key.Language)
                && (group.Key.Skill == General || a.Skills.Contains(group.Key.Skill)));
            var plan = StaffingPlan.Create(new StaffingPlanRequest(forecast, settings.AverageHandleTimeSeconds, settings.Target)
            {
                HumanShare = share,
                WhatIf = settings.WhatIf.ContainmentChangePoints == 0 ? settings.WhatIf : ScaledWhatIf(settings.WhatIf, share, total.EscalationRate),
                MeanPatienceSeconds = settings.MeanPatienceSeconds,
                ConcurrentChatsPerAgent = settings.ConcurrentChatsPerAgent,
                MaxOccupancy = settings.MaxOccupancy,
                Shrinkage = settings.Shrinkage,
                RosteredAgents = roster(forecast, qualified),
            });
            lines.Add(new SkillStaffingLine(group.Key.Skill, group.Key.Language, share, plan.WeeklyFte, plan.PeakRequiredAgents,
                qualified, plan.CurrentFte, plan.HiringNeed));
        }

        return lines;
    }

    /// <summary>A containment change spreads over the groups in proportion to their share of all hand-overs.</summary>
    private static WhatIf ScaledWhatIf(WhatIf whatIf, double share, double totalShare) =>
        new(totalShare <= 0 ? 0 : whatIf.ContainmentChangePoints * (share / totalShare), whatIf.VolumeMultiplier);
}
