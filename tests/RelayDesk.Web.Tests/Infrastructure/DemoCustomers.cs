using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RelayDesk.Web.Tests.Infrastructure;

public sealed record DemoLogin(string Token, string CustomerNumber, string Name, string Language);

/// <summary>Logs in as a seeded demo customer the way the demo page does: pick a situation, get a customer token.</summary>
public static class DemoCustomers
{
    public static async Task<DemoLogin> LoginAsync(this RelayDeskFactory factory, string state, string? language = null)
    {
        var client = factory.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/demo/customers?state={state}");
        var number = list.GetProperty("customers").EnumerateArray()
            .First(c => language is null || c.GetProperty("language").GetString() == language)
            .GetProperty("customerNumber").GetString();
        var response = await client.PostAsJsonAsync("/api/v1/demo/customer-token", new { customerNumber = number });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DemoLogin>())!;
    }

    public static HttpClient ClientFor(this RelayDeskFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Starts a chat as the signed-in customer; returns the conversation and a client holding its conversation token.</summary>
    public static async Task<(StartedConversation Conversation, HttpClient Client)> StartAsCustomerAsync(this RelayDeskFactory factory, DemoLogin login, string? language = null)
    {
        var response = await factory.ClientFor(login.Token).PostAsJsonAsync("/api/v1/conversations", new { language });
        response.EnsureSuccessStatusCode();
        var started = (await response.Content.ReadFromJsonAsync<StartedConversation>())!;
        return (started, factory.ClientFor(started.Token));
    }
}
