using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelayDesk.Data;
using RelayDesk.Data.Routing;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Routing;

/// <summary>Reads routing's stored state, waiting (woken by the app's change feed, re-checking now and then) until it matches.</summary>
internal static class RoutingProbe
{
    public static readonly DateTimeOffset WednesdayMorning = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock(DateTimeOffset? start = null) => new(start ?? WednesdayMorning);

    public static async Task<T> WaitForAsync<T>(this RelayDeskFactory factory, Func<RelayDeskDbContext, Task<T>> query, Func<T, bool> condition)
    {
        var feed = factory.Services.GetRequiredService<DeskFeed>();
        var changed = new SemaphoreSlim(0);
        void OnChanged(DeskChange change) => changed.Release();
        feed.Changed += OnChanged;
        try
        {
            using var deadline = new CancellationTokenSource(TestTimeouts.Event);
            while (true)
            {
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    var value = await query(scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>());
                    if (condition(value))
                    {
                        return value;
                    }
                }

                // Woken by the change feed; the short re-check only guards against a change that is written without one.
                await changed.WaitAsync(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
        }
        finally
        {
            feed.Changed -= OnChanged;
        }
    }

    public static Task<List<RoutingOffer>> WaitForOffersAsync(this RelayDeskFactory factory, Guid conversationId, Func<List<RoutingOffer>, bool> condition) =>
        factory.WaitForAsync(db => db.RoutingOffers.AsNoTracking().Where(o => o.ConversationId == conversationId).ToListAsync(), condition);

    public static async Task<string> AgentIdAsync(this RelayDeskFactory factory, int agent)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RelayDeskDbContext>();
        return await db.Users.Where(u => u.Email == $"agent{agent}@demo.local").Select(u => u.Id).SingleAsync();
    }

    public static async Task SetPresenceAsync(this HttpClient staff, string status) =>
        (await staff.PutAsJsonAsync("/api/v1/agent/presence", new { status })).EnsureSuccessStatusCode();

    public static async Task<Guid> RequestHumanAsync(this RelayDeskFactory factory, string language = "en")
    {
        var (started, customer) = await factory.StartCustomerAsync(language);
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        return started.Id;
    }

    public static async Task<(Guid Id, HttpClient Customer)> RequestHumanWithClientAsync(this RelayDeskFactory factory, string language = "en")
    {
        var (started, customer) = await factory.StartCustomerAsync(language);
        (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        return (started.Id, customer);
    }

    public static async Task<JsonElement> ViewAsync(this HttpClient customer, Guid id) =>
        await customer.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{id}");
}
