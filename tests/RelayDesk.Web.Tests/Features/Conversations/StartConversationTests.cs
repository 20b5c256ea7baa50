using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Conversations;

public sealed class StartConversationTests : IDisposable
{
    private readonly RelayDeskFactory _factory = new();

    [Fact]
    public async Task Start_InGerman_ReturnsTokenAndGreetsInGerman()
    {
        var (started, customer) = await _factory.StartCustomerAsync("de");

        Assert.Equal("assistant", started.State);
        Assert.False(string.IsNullOrWhiteSpace(started.Token));
        var greeting = Assert.Single(await customer.MessagesAsync(started.Id));
        Assert.Equal(1, greeting.Seq);
        Assert.Equal("assistant", greeting.Author);
        Assert.Contains("Menschen", greeting.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ReturnsCreatedWithTheConversationLocation()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/v1/conversations", new { language = "en" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.EndsWith((await response.Content.ReadFromJsonAsync<StartedConversation>())!.Id.ToString(), response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InAnUnsupportedLanguage_IsAProblem()
    {
        var response = await _factory.CreateClient().PostAsJsonAsync("/api/v1/conversations", new { language = "xx" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not supported", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReturnsStateAndNoQueuePositionWhileWithTheAssistant()
    {
        var (started, customer) = await _factory.StartCustomerAsync();

        var view = await customer.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{started.Id}");

        Assert.Equal("assistant", view.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("queuePosition").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("assignedAgent").ValueKind);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePublicApi()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/conversations/{id}/messages", out _));
        Assert.True(paths.TryGetProperty("/api/v1/agent/queue", out _));
    }

    public void Dispose() => _factory.Dispose();
}
