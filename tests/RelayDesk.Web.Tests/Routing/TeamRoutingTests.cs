using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RelayDesk.Data.Routing;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Routing;

public sealed class TeamRoutingTests
{
    private static readonly object Hardship = new
    {
        id = "hardship",
        name = "Hardship team",
        timeZone = "Europe/Berlin",
        opens = "08:00",
        closes = "20:00",
        days = new[] { "mon", "tue", "wed", "thu", "fri" },
        holidays = new[] { "2026-12-24" },
    };

    [Fact]
    public async Task AConversationTransferredToATeam_IsOfferedOnlyToThatTeamsAgent_AndOnlyTheyCanPullIt()
    {
        using var factory = new RelayDeskFactory { Clock = RoutingProbe.Clock() };
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        await CreateTeamAsync(supervisor, Hardship);
        var felix = await JoinAsync(factory, supervisor, 6, "hardship");

        var (id, desk) = await TakeAsync(factory);
        var ben = await factory.AgentClientAsync(2); // On the desk team, free and online the whole time.
        await ben.SetPresenceAsync("online");
        var transfer = await desk.PostAsJsonAsync($"/api/v1/agent/conversations/{id}/transfer", new { toTeamId = "hardship", note = "Lost her job; asks for a pause." });
        transfer.EnsureSuccessStatusCode();

        var pulledByOtherTeam = await ben.PostAsync($"/api/v1/agent/conversations/{id}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, pulledByOtherTeam.StatusCode);
        Assert.Equal("conversation.other_team", (await pulledByOtherTeam.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var item = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/agent/queue")).GetProperty("queue").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Contains("Handed to team hardship", item.GetProperty("why").GetString(), StringComparison.Ordinal);

        var felixClient = await factory.AgentClientAsync(6);
        await felixClient.SetPresenceAsync("online");
        var offer = (await factory.WaitForOffersAsync(id, o => o.Count == 1))[0];

        Assert.Equal(felix, offer.AgentId);
        Assert.Contains("Handed to team hardship", offer.Why, StringComparison.Ordinal);
        (await felixClient.PostAsync($"/api/v1/agent/offers/{offer.Id}/accept", null)).EnsureSuccessStatusCode();
        var stored = await factory.LoadAsync(id);
        Assert.Equal(felix, stored!.AssignedAgentId);
        Assert.Equal("hardship", stored.TeamId);
    }

    [Fact]
    public async Task ASupervisorReassigningToATeam_LetsATeamAgentPullIt()
    {
        using var factory = new RelayDeskFactory { Clock = RoutingProbe.Clock() };
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        await CreateTeamAsync(supervisor, Hardship);
        var felix = await JoinAsync(factory, supervisor, 6, "hardship");
        var (id, _) = await TakeAsync(factory);

        (await supervisor.PostAsJsonAsync($"/api/v1/supervisor/conversations/{id}/reassign", new { toTeamId = "hardship" })).EnsureSuccessStatusCode();

        var ben = await factory.AgentClientAsync(2);
        Assert.Equal(HttpStatusCode.Conflict, (await ben.PostAsync($"/api/v1/agent/conversations/{id}/accept", null)).StatusCode);
        var felixClient = await factory.AgentClientAsync(6);
        (await felixClient.PostAsync($"/api/v1/agent/conversations/{id}/accept", null)).EnsureSuccessStatusCode();
        Assert.Equal(felix, (await factory.LoadAsync(id))!.AssignedAgentId);
    }

    [Fact]
    public async Task ASupervisorHandingAWaitingConversationToATeam_WithdrawsTheOfferToAnotherTeam_AndOffersItToTheTeam()
    {
        using var factory = new RelayDeskFactory { Clock = RoutingProbe.Clock() };
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        await CreateTeamAsync(supervisor, Hardship);
        var felix = await JoinAsync(factory, supervisor, 6, "hardship");
        var ben = await factory.AgentClientAsync(2);
        await ben.SetPresenceAsync("online");
        var id = await factory.RequestHumanAsync();
        var first = (await factory.WaitForOffersAsync(id, o => o.Count == 1))[0];
        Assert.Equal(await factory.AgentIdAsync(2), first.AgentId);
        var felixClient = await factory.AgentClientAsync(6);
        await felixClient.SetPresenceAsync("online");

        (await supervisor.PostAsJsonAsync($"/api/v1/supervisor/conversations/{id}/reassign", new { toTeamId = "hardship" })).EnsureSuccessStatusCode();

        var offers = await factory.WaitForOffersAsync(id, o => o.Count == 2);
        Assert.Equal(OfferOutcome.Withdrawn, offers.Single(o => o.Id == first.Id).Outcome);
        Assert.Equal(felix, offers.Single(o => o.Id != first.Id).AgentId);
        Assert.Equal(HttpStatusCode.Conflict, (await ben.PostAsync($"/api/v1/agent/offers/{first.Id}/accept", null)).StatusCode);
    }

    [Fact]
    public async Task TheTeamOfAWaitingConversation_SurvivesARestart()
    {
        var clock = RoutingProbe.Clock();
        Guid id;
        string folder;
        using (var before = new RelayDeskFactory { Clock = clock, KeepData = true })
        {
            folder = before.Folder;
            var supervisor = await before.StaffClientAsync("supervisor@demo.local");
            await CreateTeamAsync(supervisor, Hardship);
            await JoinAsync(before, supervisor, 6, "hardship");
            (id, var desk) = await TakeAsync(before);
            (await desk.PostAsJsonAsync($"/api/v1/agent/conversations/{id}/transfer", new { toTeamId = "hardship" })).EnsureSuccessStatusCode();
        }

        using var after = new RelayDeskFactory(folder) { Clock = clock };
        var ben = await after.AgentClientAsync(2);
        await ben.SetPresenceAsync("online");
        var felixClient = await after.AgentClientAsync(6);
        await felixClient.SetPresenceAsync("online");

        var offer = (await after.WaitForOffersAsync(id, o => o.Count == 1))[0];
        Assert.Equal(await after.AgentIdAsync(6), offer.AgentId);
        Assert.Equal(OfferOutcome.Pending, offer.Outcome);
        var stored = await after.LoadAsync(id);
        Assert.Equal(ConversationState.Queued, stored!.State);
        Assert.Equal("hardship", stored.TeamId);
    }

    [Fact]
    public async Task AConversationHandedToAClosedTeam_IsOfferedCallbacksInThatTeamsHours()
    {
        // Wednesday 09:00 UTC: the desk (Berlin) is open, a New York team opens at 09:00 local = 14:00 UTC.
        using var factory = new RelayDeskFactory { Clock = RoutingProbe.Clock(), BusinessHours = true };
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        await CreateTeamAsync(supervisor, new
        {
            id = "us",
            name = "US desk",
            timeZone = "America/New_York",
            opens = "09:00",
            closes = "17:00",
            days = new[] { "mon", "tue", "wed", "thu", "fri" },
        });
        var (started, customer) = await factory.StartCustomerAsync();
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        var desk = await factory.AgentClientAsync(1);
        (await desk.PostAsync($"/api/v1/agent/conversations/{started.Id}/accept", null)).EnsureSuccessStatusCode();

        (await desk.PostAsJsonAsync($"/api/v1/agent/conversations/{started.Id}/transfer", new { toTeamId = "us" })).EnsureSuccessStatusCode();

        var messages = (await factory.LoadAsync(started.Id))!.Messages.Select(m => m.Text).ToList();
        Assert.Contains(messages, m => m.Contains("passing your conversation to our US desk team", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("at 09:00 (America/New_York time)", StringComparison.Ordinal));
        var offer = (await customer.ViewAsync(started.Id)).GetProperty("callbackOffer");
        Assert.Equal("out_of_hours", offer.GetProperty("reason").GetString());
        var back = new DateTimeOffset(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal(back, offer.GetProperty("peopleBackAt").GetDateTimeOffset());
        Assert.Equal(back, offer.GetProperty("slots")[0].GetProperty("start").GetDateTimeOffset());
        (await customer.PostAsJsonAsync($"/api/v1/conversations/{started.Id}/callback", new { slotStart = back })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ASupervisorCreatesATeam_AndBadInputIsRefusedWithProblemDetails()
    {
        using var factory = new RelayDeskFactory { Clock = RoutingProbe.Clock() };
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");

        var created = await CreateTeamAsync(supervisor, Hardship);
        Assert.Equal("Europe/Berlin", created.GetProperty("timeZone").GetString());
        Assert.Equal(["mon", "tue", "wed", "thu", "fri"], created.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        var felix = await JoinAsync(factory, supervisor, 6, "hardship");
        var teams = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervisor/teams")).GetProperty("teams").EnumerateArray().ToList();
        Assert.Equal(["desk", "hardship"], teams.Select(t => t.GetProperty("id").GetString()));
        var hardship = teams[1];
        Assert.Equal("20:00", hardship.GetProperty("closes").GetString());
        Assert.Equal("2026-12-24", hardship.GetProperty("holidays")[0].GetString());
        Assert.Equal([felix], hardship.GetProperty("agentIds").EnumerateArray().Select(a => a.GetString()));

        await AssertRefusedAsync(supervisor, new { id = "night", name = "Night", timeZone = "Mars/Olympus", opens = "08:00", closes = "20:00", days = new[] { "mon" } }, "team.time_zone_unknown");
        await AssertRefusedAsync(supervisor, new { id = "night", name = "Night", timeZone = "Europe/Berlin", opens = "20:00", closes = "08:00", days = new[] { "mon" } }, "team.hours_invalid");
        await AssertRefusedAsync(supervisor, new { id = "night", name = "Night", timeZone = "Europe/Berlin", opens = "08:00", closes = "20:00", days = new[] { "someday" } }, "team.days_invalid");
        await AssertRefusedAsync(supervisor, Hardship, "team.exists");
        var agent = await factory.AgentClientAsync(1);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/v1/supervisor/teams", Hardship)).StatusCode);
    }

    private static async Task<JsonElement> CreateTeamAsync(HttpClient supervisor, object team)
    {
        var response = await supervisor.PostAsJsonAsync("/api/v1/supervisor/teams", team);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertRefusedAsync(HttpClient supervisor, object team, string code)
    {
        var response = await supervisor.PostAsJsonAsync("/api/v1/supervisor/teams", team);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static async Task<string> JoinAsync(RelayDeskFactory factory, HttpClient supervisor, int agent, string teamId)
    {
        var id = await factory.AgentIdAsync(agent);
        (await supervisor.PutAsJsonAsync($"/api/v1/supervisor/agents/{id}/routing", new { teamId })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A customer asks for a person and Anna (desk team, not online, so nobody is offered it) pulls the chat.</summary>
    private static async Task<(Guid Id, HttpClient Agent)> TakeAsync(RelayDeskFactory factory)
    {
        var id = await factory.RequestHumanAsync();
        var anna = await factory.AgentClientAsync(1);
        (await anna.PostAsync($"/api/v1/agent/conversations/{id}/accept", null)).EnsureSuccessStatusCode();
        return (id, anna);
    }
}
