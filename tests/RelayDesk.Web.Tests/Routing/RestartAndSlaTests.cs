using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RelayDesk.Data.Routing;
using RelayDesk.Domain.Routing;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Routing;

public sealed class RestartAndSlaTests
{
    [Fact]
    public async Task AfterARestart_QueuesOffersCallbacksAndPresence_AreRebuiltFromTheDatabase()
    {
        var clock = RoutingProbe.Clock();
        Guid offered, waiting, calledBack;
        DateTimeOffset slot;
        string folder;
        using (var before = new RelayDeskFactory { Clock = clock, KeepData = true })
        {
            folder = before.Folder;
            var agent = await before.AgentClientAsync(6); // Felix: English only.
            await agent.SetPresenceAsync("online");
            offered = await before.RequestHumanAsync();
            await before.WaitForOffersAsync(offered, o => o.Count == 1);
            clock.Advance(TimeSpan.FromSeconds(1));
            waiting = await before.RequestHumanAsync("de");
            clock.Advance(TimeSpan.FromSeconds(1));
            (calledBack, var customer) = await before.RequestHumanWithClientAsync("de");
            slot = (await customer.ViewAsync(calledBack)).GetProperty("callbackOffer").GetProperty("slots")[0].GetProperty("start").GetDateTimeOffset();
            (await customer.PostAsJsonAsync($"/api/v1/conversations/{calledBack}/callback", new { slotStart = slot })).EnsureSuccessStatusCode();
        }

        using var after = new RelayDeskFactory(folder) { Clock = clock };
        var supervisor = await after.StaffClientAsync("supervisor@demo.local");
        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/agent/queue");
        Assert.Equal([offered, waiting], queue.GetProperty("queue").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var offers = await after.WaitForOffersAsync(offered, o => o.Count == 1);
        Assert.Equal(OfferOutcome.Pending, offers[0].Outcome);
        var felix = await after.AgentIdAsync(6);
        var presence = await after.WaitForAsync(db => db.AgentRouting.AsNoTracking().SingleAsync(a => a.AgentId == felix), _ => true);
        Assert.Equal(Presence.Online, presence.Presence);

        // The stored offer still runs out; the callback still joins the queue at its time.
        clock.Advance(slot - clock.GetUtcNow());
        await after.WaitForOffersAsync(offered, o => o.Any(x => x.Id == offers[0].Id && x.Outcome == OfferOutcome.TimedOut));
        queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/agent/queue");
        Assert.Contains(calledBack, queue.GetProperty("queue").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task TheSupervisorSeesTheHumanAccessFigures_AndEveryBreachWithItsCause()
    {
        var clock = RoutingProbe.Clock();
        using var factory = new RelayDeskFactory { Clock = clock };
        var agent = await factory.AgentClientAsync(1);
        await agent.SetPresenceAsync("online");
        var quick = await factory.RequestHumanAsync();
        var offer = (await factory.WaitForOffersAsync(quick, o => o.Count == 1))[0];
        clock.Advance(TimeSpan.FromSeconds(10));
        (await agent.PostAsync($"/api/v1/agent/offers/{offer.Id}/accept", null)).EnsureSuccessStatusCode();
        await agent.SetPresenceAsync("away");
        var unanswered = await factory.RequestHumanAsync();

        clock.Advance(TimeSpan.FromSeconds(61));
        var entry = await factory.WaitForAsync(db => db.HumanAccess.AsNoTracking().SingleOrDefaultAsync(e => e.ConversationId == unanswered), e => e?.BreachCause is not null);

        Assert.Equal(BreachCause.NoSkillOnShift, entry!.BreachCause);
        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        var sla = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervisor/sla");
        Assert.Equal(2, sla.GetProperty("requests").GetInt32());
        Assert.Equal(1, sla.GetProperty("met").GetInt32());
        Assert.Equal(1, sla.GetProperty("breached").GetInt32());
        Assert.False(sla.GetProperty("onTarget").GetBoolean());
        Assert.Equal(1, sla.GetProperty("breachesByCause").GetProperty("no_skill_on_shift").GetInt32());
        Assert.Equal(unanswered, sla.GetProperty("recentBreaches")[0].GetProperty("conversationId").GetGuid());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/supervisor/sla")).StatusCode);
    }

    [Fact]
    public async Task RepliesByEmailChosenInTime_CountTowardTheHumanAccessTarget_AndTheEmailedAnswerTimeIsReported()
    {
        var clock = RoutingProbe.Clock();
        using var factory = new RelayDeskFactory { Clock = clock };
        var (byEmail, customer) = await factory.RequestHumanWithClientAsync();
        var unanswered = await factory.RequestHumanAsync();
        clock.Advance(TimeSpan.FromSeconds(20));
        (await customer.PostAsJsonAsync($"/api/v1/conversations/{byEmail}/email-reply", new { email = "sam@example.co.uk" })).EnsureSuccessStatusCode();

        clock.Advance(TimeSpan.FromSeconds(45));
        var entries = await factory.WaitForAsync(db => db.HumanAccess.AsNoTracking().ToListAsync(),
            e => e.Count == 2 && e.Single(x => x.ConversationId == unanswered).BreachedAt is not null && e.Single(x => x.ConversationId == byEmail).EmailReplyChosenAt is not null);
        var chose = entries.Single(e => e.ConversationId == byEmail);
        Assert.Equal(chose.RequestedAt.AddSeconds(20), chose.EmailReplyChosenAt);
        Assert.Null(chose.BreachedAt);

        // A person takes it after the minute and answers; the customer is away, so the answer goes out by e-mail.
        var agent = await factory.AgentClientAsync(1);
        (await agent.PostAsync($"/api/v1/agent/conversations/{byEmail}/accept", null)).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromMinutes(5));
        (await agent.PostAsJsonAsync($"/api/v1/agent/conversations/{byEmail}/messages", new { clientMessageId = "a1", text = "Your instalment is moved." })).EnsureSuccessStatusCode();

        var supervisor = await factory.StaffClientAsync("supervisor@demo.local");
        var sla = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/supervisor/sla");
        Assert.Equal(2, sla.GetProperty("requests").GetInt32());
        Assert.Equal(1, sla.GetProperty("met").GetInt32());
        Assert.Equal(1, sla.GetProperty("breached").GetInt32());
        var email = sla.GetProperty("emailReplies");
        Assert.Equal(1, email.GetProperty("chosen").GetInt32());
        Assert.Equal(1, email.GetProperty("answered").GetInt32());
        Assert.Equal(365, email.GetProperty("medianAnswerSeconds").GetInt32());
    }

    [Fact]
    public async Task RepliesByEmailChosenAfterTheCallbackTime_DoNotRescueTheTarget()
    {
        var clock = RoutingProbe.Clock();
        using var factory = new RelayDeskFactory { Clock = clock };
        var (id, customer) = await factory.RequestHumanWithClientAsync();
        clock.Advance(TimeSpan.FromSeconds(40));
        (await customer.PostAsJsonAsync($"/api/v1/conversations/{id}/email-reply", new { email = "sam@example.co.uk" })).EnsureSuccessStatusCode();

        clock.Advance(TimeSpan.FromSeconds(30));
        var entry = await factory.WaitForAsync(db => db.HumanAccess.AsNoTracking().SingleOrDefaultAsync(e => e.ConversationId == id), e => e?.BreachCause is not null);

        Assert.NotNull(entry!.EmailReplyChosenAt);
        Assert.Equal(BreachCause.NoSkillOnShift, entry.BreachCause);
    }
}
