using Microsoft.AspNetCore.Identity;
using RelayDesk.Data;
using RelayDesk.Data.Queries;
using RelayDesk.Domain.Staffing;

namespace RelayDesk.Web.Features.Staffing;

/// <summary>
/// Next week's staffing plan from the desk's own history: forecast, the measured share that needs a person, the
/// required and scheduled agents per interval, weekly FTE and hiring need against today's roster.
/// </summary>
public sealed class GetStaffingPlan(RelayDeskDbContext db, UserManager<AgentUser> users, TimeProvider clock)
{
    public sealed record Request(string? Target, int? Interval, string? WhatIf, int? Concurrency, double? Shrinkage, double? PatienceSeconds, double? AhtSeconds);

    public sealed record SkillLine(string Skill, string Language, double ShareOfConversations, double WeeklyFte, int PeakRequiredAgents, int QualifiedAgents, double? CurrentFte, int HiringNeed);

    public sealed record Row(DateTimeOffset IntervalStart, double ForecastContacts, double HumanContacts, int RequiredAgents, double ScheduledAgents, int? RosteredAgents);

    public sealed record Response(
        string Target,
        int IntervalMinutes,
        double WeeklyFte,
        double? CurrentFte,
        int HiringNeed,
        int PeakRequiredAgents,
        double EscalationRate,
        double AverageHandleTimeSeconds,
        int ConversationsInHistory,
        string ForecastMethod,
        double? BacktestWape,
        IReadOnlyList<SkillLine> BySkill,
        IReadOnlyList<Row> Rows);

    public async Task<Response> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var settings = new StaffingPlannerSettings();
        var history = await ContactHistoryQuery.LoadAsync(db, now.AddDays(-7 * settings.HistoryWeeks - 1), now, cancellationToken);
        var staff = await users.GetUsersInRoleAsync(Roles.Agent);
        var agents = staff.Count;
        settings = settings with
        {
            Interval = TimeSpan.FromMinutes(request.Interval ?? 30),
            Target = StaffingTarget.Parse(request.Target ?? "80/60"),
            WhatIf = string.IsNullOrWhiteSpace(request.WhatIf) ? WhatIf.None : WhatIf.Parse(request.WhatIf),
            ConcurrentChatsPerAgent = request.Concurrency ?? settings.ConcurrentChatsPerAgent,
            Shrinkage = request.Shrinkage ?? settings.Shrinkage,
            MeanPatienceSeconds = request.PatienceSeconds,
            AverageHandleTimeSeconds = request.AhtSeconds ?? history.AverageHandleTimeSeconds ?? settings.AverageHandleTimeSeconds,
            Roster = forecast => OpeningHours.Demo.Roster(forecast, agents),
        };
        var outcome = StaffingPlanner.Plan(history.ConversationStarts, history.HumanRequests, now, settings);
        var plan = outcome.Plan;
        var bySkill = SkillStaffingPlan.Create(outcome, history.HumanRequestsBySkill,
            [.. staff.Select(a => new RosterAgent(a.SkillList, a.LanguageList))], settings, OpeningHours.Demo.Roster);
        return new Response(
            settings.Target.ToString(), (int)settings.Interval.TotalMinutes, plan.WeeklyFte, plan.CurrentFte, plan.HiringNeed,
            plan.PeakRequiredAgents, outcome.EscalationRate, settings.AverageHandleTimeSeconds, outcome.ConversationsInHistory,
            outcome.Forecast.Method.ToString(), outcome.Backtest?.Wape,
            [.. bySkill.Select(l => new SkillLine(l.Skill, l.Language, l.ShareOfConversations, l.WeeklyFte, l.PeakRequiredAgents, l.QualifiedAgents, l.CurrentFte, l.HiringNeed))],
            [.. plan.Rows.Select(r => new Row(r.IntervalStart, r.ForecastContacts, r.HumanContacts, r.RequiredAgents, r.ScheduledAgents, r.RosteredAgents))]);
    }

    internal static void Map(RouteGroupBuilder group) =>
        group.MapGet("/plan", async ([AsParameters] Request request, GetStaffingPlan handler, CancellationToken ct) =>
                await handler.HandleAsync(request, ct))
            .WithName("GetStaffingPlan")
            .WithSummary("Next week's staffing plan from the desk's history (target like 80/60, whatIf like containment=-10).");
}
