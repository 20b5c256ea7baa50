using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Staffing;

public sealed class GetStaffingPlanTests(GetStaffingPlanTests.DeskWithHistory desk) : IClassFixture<GetStaffingPlanTests.DeskWithHistory>
{
    [Fact]
    public async Task Plan_FromTheDesksHistory_CoversNextWeekWithFteAndHiringNeed()
    {
        var supervisor = await desk.Factory.StaffClientAsync("supervisor@demo.local");

        var plan = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/staffing/plan?target=80/60&interval=30");

        Assert.Equal(336, plan.GetProperty("rows").GetArrayLength());
        Assert.True(plan.GetProperty("weeklyFte").GetDouble() > 0);
        Assert.True(plan.GetProperty("conversationsInHistory").GetInt32() > 1000);
        Assert.InRange(plan.GetProperty("escalationRate").GetDouble(), 0.2, 0.45);
        Assert.Equal(9, plan.GetProperty("rows").EnumerateArray().Max(r => r.GetProperty("rosteredAgents").GetInt32())); // 8 agents and the supervisor
        Assert.True(plan.TryGetProperty("hiringNeed", out _));
        var skills = plan.GetProperty("bySkill").EnumerateArray().ToList();
        var hardshipDe = skills.Single(l => l.GetProperty("skill").GetString() == "hardship" && l.GetProperty("language").GetString() == "de");
        Assert.Equal(3, hardshipDe.GetProperty("qualifiedAgents").GetInt32()); // Anna, Emma and the supervisor
    }

    [Fact]
    public async Task Plan_WithLessContainment_NeedsMorePeople()
    {
        var supervisor = await desk.Factory.StaffClientAsync("supervisor@demo.local");

        var baseline = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/staffing/plan");
        var worse = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/staffing/plan?whatIf=containment=-20");

        Assert.True(worse.GetProperty("weeklyFte").GetDouble() > baseline.GetProperty("weeklyFte").GetDouble());
    }

    [Theory]
    [InlineData("target=100/60", "100 %")]
    [InlineData("whatIf=moon=3", "moon")]
    [InlineData("interval=7", "interval")]
    public async Task Plan_WithBadInput_IsAProblemThatSaysWhatToChange(string query, string mentioned)
    {
        var supervisor = await desk.Factory.StaffClientAsync("supervisor@demo.local");

        var response = await supervisor.GetAsync($"/api/v1/staffing/plan?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Plan_IsForSupervisorsOnly()
    {
        var agent = await desk.Factory.AgentClientAsync();

        var asAgent = await agent.GetAsync("/api/v1/staffing/plan");
        var anonymous = await desk.Factory.CreateClient().GetAsync("/api/v1/staffing/plan");

        Assert.Equal(HttpStatusCode.Forbidden, asAgent.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    public sealed class DeskWithHistory : IAsyncLifetime
    {
        public RelayDeskFactory Factory { get; } = new() { HistoryWeeks = 3 };

        public Task InitializeAsync()
        {
            _ = Factory.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
