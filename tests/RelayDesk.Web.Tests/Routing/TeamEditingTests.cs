using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Routing;

public sealed class TeamEditingTests
{
    private static readonly object Hardship = new
    {
        id = "hardship",
        name = "Hardship team",
        timeZone = "Europe/Berlin",
        opens = "08:00",
        closes = "20:00",
        days = new[] { "mon", "tue", "wed", "thu", "fri" },
    };

    [Fact]
    public async Task ASupervisorRenamesATeam_ChangesItsHours_AndSetsItsMembers()
    {
        using var factory = new RelayDeskFactory { Clock = RoutingProbe.Clock() };
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        await CreateAsync(supervisor, Hardship);
        var felix = await factory.AgentIdAsync(6);
        var gina = await factory.AgentIdAsync(7);

        var first = await EditAsync(supervisor, "hardship", Edit("Financial hardship", agentIds: [felix, gina]));
        Assert.Equal("Financial hardship", first.GetProperty("name").GetString());
        Assert.Equal(new[] { felix, gina }.Order(StringComparer.Ordinal), Strings(first, "agentIds"));

        var second = await EditAsync(supervisor, "hardship", new
        {
            name = "Financial hardship",
            timeZone = "America/New_York",
            opens = "09:30",
            closes = "24:00",
            days = new[] { "sat", "sun" },
            holidays = new[] { "2026-12-25" },
            agentIds = new[] { gina },
        });

        Assert.Equal([gina], Strings(second, "agentIds"));
        var teams = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervisor/teams")).GetProperty("teams").EnumerateArray().ToList();
        var hardship = teams.Single(t => t.GetProperty("id").GetString() == "hardship");
        Assert.Equal("America/New_York", hardship.GetProperty("timeZone").GetString());
        Assert.Equal("09:30", hardship.GetProperty("opens").GetString());
        Assert.Equal("24:00", hardship.GetProperty("closes").GetString());
        Assert.Equal(["sun", "sat"], Strings(hardship, "days"));
        Assert.Equal(["2026-12-25"], Strings(hardship, "holidays"));
        Assert.Equal([gina], Strings(hardship, "agentIds"));
        Assert.Contains(felix, Strings(teams.Single(t => t.GetProperty("id").GetString() == "desk"), "agentIds"));
        Assert.DoesNotContain(gina, Strings(teams.Single(t => t.GetProperty("id").GetString() == "desk"), "agentIds"));
        var agents = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervisor/agents")).GetProperty("agents").EnumerateArray().ToList();
        Assert.Equal("desk", agents.Single(a => a.GetProperty("id").GetString() == felix).GetProperty("teamId").GetString());
        Assert.Equal("hardship", agents.Single(a => a.GetProperty("id").GetString() == gina).GetProperty("teamId").GetString());

        // Without agentIds the members stay as they are.
        var third = await EditAsync(supervisor, "hardship", Edit("Hardship"));
        Assert.Equal([gina], Strings(third, "agentIds"));
    }

    [Fact]
    public async Task EditingATeam_RefusesBadInput_UnknownTeams_AndAgents()
    {
        using var factory = new RelayDeskFactory { Clock = RoutingProbe.Clock() };
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        await CreateAsync(supervisor, Hardship);
        var anna = await factory.AgentIdAsync(1);

        await AssertProblemAsync(await supervisor.PutAsJsonAsync("/api/v1/supervisor/teams/hardship", Edit("Hardship", zone: "Mars/Olympus")),
            HttpStatusCode.BadRequest, "team.time_zone_unknown");
        await AssertProblemAsync(await supervisor.PutAsJsonAsync("/api/v1/supervisor/teams/hardship", Edit(" ")), HttpStatusCode.BadRequest, "team.name_invalid");
        await AssertProblemAsync(await supervisor.PutAsJsonAsync("/api/v1/supervisor/teams/hardship", Edit("Hardship", agentIds: ["nobody"])),
            HttpStatusCode.BadRequest, "team.unknown_agent");
        await AssertProblemAsync(await supervisor.PutAsJsonAsync("/api/v1/supervisor/teams/night", Edit("Night")), HttpStatusCode.NotFound, "team.not_found");

        // Everyone in no other team is on the desk team; leaving Anna out of its members would leave her in no team.
        var teams0 = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervisor/teams")).GetProperty("teams").EnumerateArray();
        var desk = Strings(teams0.Single(t => t.GetProperty("id").GetString() == "desk"), "agentIds").Select(a => a!).ToArray();
        Assert.Contains(anna, desk);
        await EditAsync(supervisor, "desk", Edit("Desk", agentIds: desk));
        await AssertProblemAsync(await supervisor.PutAsJsonAsync("/api/v1/supervisor/teams/desk", Edit("Desk", agentIds: [.. desk.Where(a => a != anna)])),
            HttpStatusCode.BadRequest, "team.members_invalid");

        var agent = await factory.AgentClientAsync(1);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/v1/supervisor/teams/hardship", Edit("Mine now"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync("/api/v1/supervisor/teams/hardship")).StatusCode);
        var teams = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervisor/teams")).GetProperty("teams").EnumerateArray();
        Assert.Equal("Hardship team", teams.Single(t => t.GetProperty("id").GetString() == "hardship").GetProperty("name").GetString());
    }

    [Fact]
    public async Task RemovingATeam_IsRefusedWhileItHasAgentsOrWaitingConversations_AndDoneOnceItIsEmpty()
    {
        using var factory = new RelayDeskFactory { Clock = RoutingProbe.Clock() };
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        await CreateAsync(supervisor, Hardship);
        var felix = await factory.AgentIdAsync(6);
        await EditAsync(supervisor, "hardship", Edit("Hardship team", agentIds: [felix]));
        var id = await factory.RequestHumanAsync();
        (await supervisor.PostAsJsonAsync($"/api/v1/supervisor/conversations/{id}/reassign", new { toTeamId = "hardship" })).EnsureSuccessStatusCode();

        var refused = await AssertProblemAsync(await supervisor.DeleteAsync("/api/v1/supervisor/teams/hardship"), HttpStatusCode.Conflict, "team.in_use");
        Assert.Equal(1, refused.GetProperty("agents").GetInt32());
        Assert.Equal(1, refused.GetProperty("waitingConversations").GetInt32());
        Assert.Contains("1 agent(s), 1 waiting conversation(s)", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await EditAsync(supervisor, "hardship", Edit("Hardship team", agentIds: []));
        var stillWaiting = await AssertProblemAsync(await supervisor.DeleteAsync("/api/v1/supervisor/teams/hardship"), HttpStatusCode.Conflict, "team.in_use");
        Assert.Equal(0, stillWaiting.GetProperty("agents").GetInt32());
        Assert.Equal(1, stillWaiting.GetProperty("waitingConversations").GetInt32());

        (await supervisor.PostAsJsonAsync($"/api/v1/supervisor/conversations/{id}/reassign", new { toTeamId = "desk" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync("/api/v1/supervisor/teams/hardship")).StatusCode);

        var teams = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervisor/teams")).GetProperty("teams").EnumerateArray();
        Assert.Equal(["desk"], teams.Select(t => t.GetProperty("id").GetString()));
        await AssertProblemAsync(await supervisor.DeleteAsync("/api/v1/supervisor/teams/hardship"), HttpStatusCode.NotFound, "team.not_found");
        await AssertProblemAsync(await supervisor.DeleteAsync("/api/v1/supervisor/teams/desk"), HttpStatusCode.Conflict, "team.desk");
    }

    [Fact]
    public async Task NewHoursOfATeam_CountAtOnceForTheConversationsWaitingForIt()
    {
        // Wednesday 09:00 UTC = 04:00 in New York: the US team is closed until its hours are changed.
        using var factory = new RelayDeskFactory { Clock = RoutingProbe.Clock(), BusinessHours = true };
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        await CreateAsync(supervisor, new { id = "us", name = "US desk", timeZone = "America/New_York", opens = "09:00", closes = "17:00", days = new[] { "wed" } });
        var (id, customer) = await factory.RequestHumanWithClientAsync();
        (await supervisor.PostAsJsonAsync($"/api/v1/supervisor/conversations/{id}/reassign", new { toTeamId = "us" })).EnsureSuccessStatusCode();
        Assert.Equal("out_of_hours", (await customer.ViewAsync(id)).GetProperty("callbackOffer").GetProperty("reason").GetString());

        await EditAsync(supervisor, "us", new { name = "US desk", timeZone = "America/New_York", opens = "00:00", closes = "24:00", days = new[] { "wed" } });

        // Open now, but nobody is in the team yet: the honest reason changes with the hours.
        Assert.Equal("no_agent_on_shift", (await customer.ViewAsync(id)).GetProperty("callbackOffer").GetProperty("reason").GetString());
    }

    private static object Edit(string name, string zone = "Europe/Berlin", string[]? agentIds = null) => agentIds is null
        ? new { name, timeZone = zone, opens = "08:00", closes = "20:00", days = new[] { "mon", "tue", "wed", "thu", "fri" } }
        : new { name, timeZone = zone, opens = "08:00", closes = "20:00", days = new[] { "mon", "tue", "wed", "thu", "fri" }, agentIds };

    private static IEnumerable<string?> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString());

    private static async Task CreateAsync(HttpClient supervisor, object team) =>
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync("/api/v1/supervisor/teams", team)).StatusCode);

    private static async Task<JsonElement> EditAsync(HttpClient supervisor, string id, object team)
    {
        var response = await supervisor.PutAsJsonAsync($"/api/v1/supervisor/teams/{id}", team);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
