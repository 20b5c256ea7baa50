using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RelayDesk.Data.Routing;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Routing;

public sealed class HonestWaitingTests : IDisposable
{
    private readonly FakeTimeProvider _clock = RoutingProbe.Clock();
    private RelayDeskFactory _factory;

    public HonestWaitingTests()
    {
        _factory = new RelayDeskFactory { Clock = _clock };
    }

    [Fact]
    public async Task WithNobodyQualifiedOnShift_TheCustomerGetsNoEta_ButCallbackSlots()
    {
        var (id, customer) = await _factory.RequestHumanWithClientAsync();

        var view = await customer.ViewAsync(id);

        Assert.Equal(1, view.GetProperty("queuePosition").GetInt32());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("etaMinSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("etaMaxSeconds").ValueKind);
        var offer = view.GetProperty("callbackOffer");
        Assert.Equal("no_agent_on_shift", offer.GetProperty("reason").GetString());
        Assert.True(offer.GetProperty("keepPlace").GetBoolean());
        Assert.NotEmpty(offer.GetProperty("slots").EnumerateArray());
    }

    [Fact]
    public async Task WithAFreeAgentOnShift_TheEtaIsAShortRange_AndNoCallbackIsOffered()
    {
        var agent = await _factory.AgentClientAsync(1);
        await agent.SetPresenceAsync("online");
        var (id, customer) = await _factory.RequestHumanWithClientAsync();
        await _factory.WaitForOffersAsync(id, o => o.Count == 1);

        var view = await customer.ViewAsync(id);

        Assert.Equal(0, view.GetProperty("etaMinSeconds").GetInt32());
        Assert.Equal(60, view.GetProperty("etaMaxSeconds").GetInt32());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("callbackOffer").ValueKind);
    }

    [Fact]
    public async Task WhenTheEtaExceedsTheQueueTarget_ACallbackIsOffered()
    {
        var agent = await _factory.AgentClientAsync(1);
        await agent.SetPresenceAsync("online");
        for (var i = 0; i < 3; i++)
        {
            await _factory.RequestHumanAsync();
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await _factory.WaitForAsync(db => db.RoutingOffers.CountAsync(o => o.Outcome == OfferOutcome.Pending), n => n == 3);
        var (id, customer) = await _factory.RequestHumanWithClientAsync();
        var view = await customer.ViewAsync(id);

        // One agent, three chats offered (capacity 3), three ahead: four 8-minute chats must end first.
        Assert.Equal(4, view.GetProperty("queuePosition").GetInt32());
        Assert.True(view.GetProperty("etaMaxSeconds").GetInt32() > 300);
        Assert.True(view.GetProperty("etaMinSeconds").GetInt32() < view.GetProperty("etaMaxSeconds").GetInt32());
        Assert.Equal("long_wait", view.GetProperty("callbackOffer").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task BookingACallback_TakesTheCustomerOutOfTheLiveQueue_UntilItsTime_ThenItIsOffered()
    {
        var (id, customer) = await _factory.RequestHumanWithClientAsync("de");
        var slot = (await customer.ViewAsync(id)).GetProperty("callbackOffer").GetProperty("slots")[0].GetProperty("start").GetDateTimeOffset();

        var booked = await customer.PostAsJsonAsync($"/api/v1/conversations/{id}/callback", new { slotStart = slot });
        booked.EnsureSuccessStatusCode();
        var view = await booked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(slot, view.GetProperty("callbackAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("queuePosition").ValueKind);
        var messages = await customer.MessagesAsync(id);
        Assert.Contains(messages, m => m.Text.StartsWith("Gebucht: Wir melden uns am", StringComparison.Ordinal));

        var agent = await _factory.AgentClientAsync(1);
        var queue = await agent.GetFromJsonAsync<JsonElement>("/api/v1/agent/queue");
        Assert.Empty(queue.GetProperty("queue").EnumerateArray());
        await agent.SetPresenceAsync("online");

        _clock.Advance(slot - _clock.GetUtcNow());
        var offers = await _factory.WaitForOffersAsync(id, o => o.Count == 1);
        Assert.Equal(await _factory.AgentIdAsync(1), offers[0].AgentId);
        var entry = await _factory.WaitForAsync(db => db.HumanAccess.AsNoTracking().SingleAsync(e => e.ConversationId == id), _ => true);
        Assert.NotNull(entry.CallbackBookedAt);
    }

    [Fact]
    public async Task BookingASlotThatIsNotOffered_IsRefusedWithProblemDetails()
    {
        var (id, customer) = await _factory.RequestHumanWithClientAsync();

        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{id}/callback", new { slotStart = _clock.GetUtcNow().AddMinutes(1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("callback.slot_unavailable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var other = await _factory.StartCustomerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/v1/conversations/{id}/callback", new { slotStart = _clock.GetUtcNow() })).StatusCode);
    }

    [Fact]
    public async Task OutOfHours_TheCustomerIsToldWhenPeopleAreBack_AndOfferedACallbackRightAway()
    {
        _factory.Dispose();
        var sundayEvening = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        _factory = new RelayDeskFactory { Clock = sundayEvening, BusinessHours = true };
        var (id, customer) = await _factory.RequestHumanWithClientAsync();

        var conversation = await _factory.WaitForAsync(id, c => c.Messages.Any(m => m.Text.Contains("back on", StringComparison.Ordinal)));
        var notice = conversation.Messages.Single(m => m.Text.Contains("back on", StringComparison.Ordinal));
        Assert.Equal(MessageAuthor.System, notice.Author);
        Assert.Contains("Monday 30 November at 08:00 (Berlin time)", notice.Text, StringComparison.Ordinal);
        Assert.Contains("pick a callback time below", notice.Text, StringComparison.Ordinal);
        Assert.Contains("or by e-mail if you prefer", notice.Text, StringComparison.Ordinal);

        var offer = (await customer.ViewAsync(id)).GetProperty("callbackOffer");
        Assert.Equal("out_of_hours", offer.GetProperty("reason").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), offer.GetProperty("peopleBackAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), offer.GetProperty("slots")[0].GetProperty("start").GetDateTimeOffset());
    }

    [Fact]
    public async Task OutOfHours_AGermanCustomerIsToldWhenPeopleAreBack_AndOfferedACallbackOrRepliesByEmail()
    {
        _factory.Dispose();
        var sundayEvening = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        _factory = new RelayDeskFactory { Clock = sundayEvening, BusinessHours = true };
        var (id, _) = await _factory.RequestHumanWithClientAsync("de");

        var conversation = await _factory.WaitForAsync(id, c => c.Messages.Any(m => m.Text.Contains("wieder für Sie erreichbar", StringComparison.Ordinal)));

        var notice = conversation.Messages.Single(m => m.Text.Contains("wieder für Sie erreichbar", StringComparison.Ordinal));
        Assert.Contains("am Montag, 30. November, um 08:00 Uhr (Berliner Zeit)", notice.Text, StringComparison.Ordinal);
        Assert.Contains("Rückruftermin", notice.Text, StringComparison.Ordinal);
        Assert.Contains("oder auf Wunsch per E-Mail", notice.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}

public sealed class WaitPushTests : IDisposable
{
    private readonly RelayDeskFactory _factory = new() { Clock = RoutingProbe.Clock() };

    [Fact]
    public async Task WhenAnAgentComesOnShift_TheWaitingCustomerIsPushedANewEstimate()
    {
        var (started, _) = await _factory.StartCustomerAsync();
        await using var customer = _factory.Hub("/hubs/customer", started.Token);
        var withEta = new TaskCompletionSource<RelayDesk.Web.Features.Conversations.ConversationView>(TaskCreationOptions.RunContinuationsAsynchronously);
        customer.On<RelayDesk.Web.Features.Conversations.ConversationView>("conversationUpdated", view =>
        {
            if (view.EtaMaxSeconds is not null)
            {
                withEta.TrySetResult(view);
            }
        });
        await customer.StartAsync();
        await customer.InvokeAsync<RelayDesk.Web.Hubs.CustomerHub.JoinResult>("Join", 0L);
        var queued = await customer.InvokeAsync<RelayDesk.Web.Features.Conversations.ConversationView>("RequestHuman");
        Assert.Null(queued.EtaMaxSeconds);
        Assert.Equal("no_agent_on_shift", queued.CallbackOffer!.Reason);

        var agent = await _factory.AgentClientAsync(1);
        await agent.SetPresenceAsync("online");

        var pushed = await withEta.Task.WaitAsync(TestTimeouts.Event);
        Assert.Equal(started.Id, pushed.Id);
        Assert.Equal(0, pushed.EtaMinSeconds);
        Assert.Equal(60, pushed.EtaMaxSeconds);
        Assert.Null(pushed.CallbackOffer);
    }

    public void Dispose() => _factory.Dispose();
}
