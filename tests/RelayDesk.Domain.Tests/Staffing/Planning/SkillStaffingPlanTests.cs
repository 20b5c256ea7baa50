using RelayDesk.Domain.Staffing;

namespace RelayDesk.Domain.Tests.Staffing;

public class SkillStaffingPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachSkillAndLanguage_IsPlannedAgainstTheAgentsQualifiedForIt()
    {
        var starts = DemoContactHistory.Generate(Now.AddDays(-28), 4, seed: 3, contactsPerDay: 400);
        var random = new Random(3);
        var requests = starts.Where(_ => random.NextDouble() < 0.3)
            .Select((t, i) => new HumanRequestRecord(t, i % 5 == 0 ? "hardship" : SkillStaffingPlan.General, i % 3 == 0 ? "en" : "de"))
            .ToList();
        var settings = new StaffingPlannerSettings { HistoryWeeks = 4 };
        var outcome = StaffingPlanner.Plan(starts, [.. requests.Select(r => r.At)], Now, settings);
        RosterAgent[] agents =
        [
            new(["payments", "hardship"], ["de", "en"]),
            new(["payments"], ["de"]),
            new(["payments"], ["de"]),
        ];

        var lines = SkillStaffingPlan.Create(outcome, requests, agents, settings, (forecast, count) => Enumerable.Repeat(count, forecast.Count).ToList());

        Assert.Equal(4, lines.Count);
        var hardshipEn = lines.Single(l => l.Skill == "hardship" && l.Language == "en");
        var generalDe = lines.Single(l => l.Skill == SkillStaffingPlan.General && l.Language == "de");
        Assert.Equal(1, hardshipEn.QualifiedAgents);
        Assert.Equal(3, generalDe.QualifiedAgents);
        Assert.True(generalDe.ShareOfConversations > hardshipEn.ShareOfConversations);
        Assert.Equal(requests.Count, (int)Math.Round(lines.Sum(l => l.ShareOfConversations) * outcome.ConversationsInHistory));
        Assert.All(lines, l => Assert.Equal(Math.Max(0, (int)Math.Ceiling(l.WeeklyFte - l.CurrentFte!.Value)), l.HiringNeed));
    }

    [Fact]
    public void NoHumanRequests_MeansNoSkillLines()
    {
        var starts = DemoContactHistory.Generate(Now.AddDays(-21), 3, seed: 4, contactsPerDay: 100);
        var outcome = StaffingPlanner.Plan(starts, [], Now, new StaffingPlannerSettings { HistoryWeeks = 3 });

        Assert.Empty(SkillStaffingPlan.Create(outcome, [], [], new StaffingPlannerSettings(), (f, c) => new int[f.Count]));
    }
}
