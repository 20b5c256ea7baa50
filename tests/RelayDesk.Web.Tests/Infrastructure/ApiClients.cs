using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using RelayDesk.Web.Features.Conversations;

namespace RelayDesk.Web.Tests.Infrastructure;

public sealed record StartedConversation(Guid Id, string Token, string State);

public sealed record LoginResponse(string TokenType, string AccessToken);

/// <summary>Speaks the public HTTP API and the hubs the way outside clients do.</summary>
public static class ApiClients
{
    public static async Task<(StartedConversation Conversation, HttpClient Client)> StartCustomerAsync(this RelayDeskFactory factory, string language = "en")
    {
        var anonymous = factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/conversations", new { language });
        response.EnsureSuccessStatusCode();
        var started = (await response.Content.ReadFromJsonAsync<StartedConversation>())!;
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", started.Token);
        return (started, client);
    }

    public static async Task<HttpClient> AgentClientAsync(this RelayDeskFactory factory, int agent = 1) =>
        await factory.StaffClientAsync($"agent{agent}@demo.local");

    public static async Task<HttpClient> StaffClientAsync(this RelayDeskFactory factory, string email)
    {
        var client = factory.CreateClient();
        var token = await factory.StaffTokenAsync(email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static Task<string> AgentTokenAsync(this RelayDeskFactory factory, int agent = 1) =>
        factory.StaffTokenAsync($"agent{agent}@demo.local");

    public static async Task<string> StaffTokenAsync(this RelayDeskFactory factory, string email)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email, password = RelayDeskFactory.DemoPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
    }

    public static HubConnection Hub(this RelayDeskFactory factory, string path, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, path), options =>
            {
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();

    public static async Task<MessageAck> SendAsync(this HttpClient customer, Guid id, string text, string? clientMessageId = null)
    {
        var response = await customer.PostAsJsonAsync($"/api/v1/conversations/{id}/messages",
            new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), text });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MessageAck>())!;
    }

    public static async Task<IReadOnlyList<MessageView>> MessagesAsync(this HttpClient customer, Guid id, long after = 0) =>
        (await customer.GetFromJsonAsync<MessageList>($"/api/v1/conversations/{id}/messages?after={after}"))!.Messages;
}
