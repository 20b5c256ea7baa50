using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RelayDesk.Cli.Load;

/// <summary>
/// The baseline for <c>relaydesk load echo</c>: a bare in-process desk of the same public shape (start a
/// conversation, the customer hub with Join/SendMessage/RequestHuman, read the transcript) that stores in memory and
/// answers every message at once with an "assistant" echo. What the load client measures against it is the cost of
/// the client, SignalR and the machine — the floor under the real desk's figures.
/// </summary>
internal sealed class EchoDesk : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoDesk(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts on 127.0.0.1 with a free port.</summary>
    public static async Task<EchoDesk> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR(hub => hub.MaximumReceiveMessageSize = 64 * 1024);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EchoStore>();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapPost("/api/v1/conversations", (StartRequest request, EchoStore store) =>
        {
            var conversation = store.Start();
            return Results.Created($"/api/v1/conversations/{conversation.Id}", new StartedConversation(conversation.Id, conversation.Token, conversation.State));
        });
        app.MapGet("/api/v1/conversations/{id:guid}/messages", (Guid id, long? after, HttpContext context, EchoStore store) =>
            store.Find(TokenOf(context)) is { } conversation && conversation.Id == id
                ? Results.Ok(new MessageList(conversation.After(after ?? 0)))
                : Results.Unauthorized());
        app.MapHub<EchoCustomerHub>(HubNames.CustomerHub);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EchoDesk(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The token from <c>Authorization: Bearer</c> (HTTP, .NET WebSockets) or <c>access_token</c> (browsers).</summary>
    internal static string? TokenOf(HttpContext? context)
    {
        if (context is null)
        {
            return null;
        }

        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..] : context.Request.Query["access_token"].ToString();
    }
}

/// <summary>The echo's customer hub: the same methods and events as the real one.</summary>
internal sealed class EchoCustomerHub(EchoStore store) : Hub
{
    public override Task OnConnectedAsync()
    {
        if (store.Find(EchoDesk.TokenOf(Context.GetHttpContext())) is not { } conversation)
        {
            throw new HubException("Unknown conversation token.");
        }

        Context.Items[nameof(EchoConversation)] = conversation;
        return base.OnConnectedAsync();
    }

    public async Task<JoinResult> Join(long afterSeq)
    {
        var conversation = Own();
        await Groups.AddToGroupAsync(Context.ConnectionId, conversation.Group, Context.ConnectionAborted);
        return new JoinResult(new ConversationState(conversation.Id, conversation.State), conversation.After(afterSeq));
    }

    public async Task<Ack> SendMessage(string? clientMessageId, string? text)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId) || string.IsNullOrWhiteSpace(text) || text.Length > 4000)
        {
            throw new HubException("clientMessageId and a text of 1 to 4,000 characters are required.");
        }

        var conversation = Own();
        var (stored, duplicate) = conversation.Append(clientMessageId, HubNames.Authors.Customer, text);
        if (!duplicate)
        {
            var group = Clients.Group(conversation.Group);
            await group.SendAsync(HubNames.Message, stored);
            await group.SendAsync(HubNames.Message, conversation.Append(null, HubNames.Authors.Assistant, "Echo: " + text).Message);
        }

        return new Ack(stored.Seq, duplicate);
    }

    public async Task<ConversationState> RequestHuman()
    {
        var conversation = Own();
        var notice = conversation.Append(null, HubNames.Authors.System, "A person will be with you shortly.").Message;
        conversation.State = "queued";
        var view = new ConversationState(conversation.Id, conversation.State);
        await Clients.Group(conversation.Group).SendAsync(HubNames.Message, notice);
        await Clients.Group(conversation.Group).SendAsync(HubNames.ConversationUpdated, view);
        return view;
    }

    private EchoConversation Own() => (EchoConversation)Context.Items[nameof(EchoConversation)]!;
}

internal sealed class EchoStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, EchoConversation> _byToken = new(StringComparer.Ordinal);

    public EchoConversation Start()
    {
        var conversation = new EchoConversation(Guid.NewGuid(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), clock);
        _byToken[conversation.Token] = conversation;
        return conversation;
    }

    public EchoConversation? Find(string? token) => token is not null && _byToken.TryGetValue(token, out var found) ? found : null;
}

/// <summary>One conversation in memory: sequence numbers in order, a client message id stored once.</summary>
internal sealed class EchoConversation(Guid id, string token, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly List<MessageView> _messages = [];
    private readonly Dictionary<string, MessageView> _byClientId = new(StringComparer.Ordinal);

    public Guid Id { get; } = id;

    public string Token { get; } = token;

    public string Group { get; } = $"conversation:{id:N}";

    public string State { get; set; } = "assistant";

    public (MessageView Message, bool Duplicate) Append(string? clientMessageId, string author, string text)
    {
        lock (_gate)
        {
            if (clientMessageId is not null && _byClientId.TryGetValue(clientMessageId, out var earlier))
            {
                return (earlier, true);
            }

            var message = new MessageView(_messages.Count + 1, author, author == HubNames.Authors.Assistant ? "Echo" : null, text, clock.GetUtcNow());
            _messages.Add(message);
            if (clientMessageId is not null)
            {
                _byClientId[clientMessageId] = message;
            }

            return (message, false);
        }
    }

    public IReadOnlyList<MessageView> After(long seq)
    {
        lock (_gate)
        {
            return [.. _messages.Where(m => m.Seq > seq)];
        }
    }
}
