using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace RelayDesk.Cli.Load;

/// <summary>
/// Simulated agents from the demo staff: sign in, go online on the agent hub, accept every offer, reply once or twice
/// after a short think time, and resolve. A handful of agents, so each may wait with <see cref="Task.Delay(TimeSpan, TimeProvider)"/>.
/// </summary>
internal sealed class AgentDesk(LoadContext run) : IAsyncDisposable
{
    /// <summary>The demo seeds agent1 … agent8 (DemoSeeder).</summary>
    public const int DemoAgents = 8;

    private readonly List<HubConnection> _connections = [];
    private readonly ConcurrentDictionary<Guid, bool> _offers = new();
    private readonly List<Task> _work = [];
    private readonly Lock _gate = new();
    private long _offered;
    private long _accepted;
    private long _replies;
    private long _resolved;
    private string? _note;

    public int SignedIn => _connections.Count;

    public async Task StartAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var wanted = run.Options.Agents;
        for (var i = 1; i <= wanted; i++)
        {
            var email = $"agent{i}@demo.local";
            using var response = await http.PostAsJsonAsync("api/v1/auth/login", new LoginRequest(email, run.Options.AgentPassword ?? ""), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var reason = response.StatusCode == HttpStatusCode.Unauthorized ? "not known or wrong password" : $"HTTP {(int)response.StatusCode}";
                if (i == 1)
                {
                    throw new InvalidOperationException($"Agent sign-in failed for {email} ({reason}): check --agent-password (the server's Demo:Password).");
                }

                _note = $"{wanted} agents asked for, {i - 1} signed in: {email} failed ({reason}); the demo has agent1…agent{DemoAgents}.";
                break;
            }

            var login = (await response.Content.ReadFromJsonAsync<LoginResponse>(cancellationToken))!;
            _connections.Add(await ConnectAsync(login.AccessToken, cancellationToken));
        }
    }

    public AgentSummary Summary() => new(run.Options.Agents, SignedIn, Interlocked.Read(ref _offered), Interlocked.Read(ref _accepted),
        Interlocked.Read(ref _replies), Interlocked.Read(ref _resolved), _note);

    /// <summary>Lets started conversations finish (bounded), then goes offline so the desk does not wait for absent agents.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] work;
        lock (_gate)
        {
            work = [.. _work];
        }

        await Task.WhenAll(work).WaitAsync(run.Options.CallTimeout).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var connection in _connections)
        {
            try
            {
                using var timeout = new CancellationTokenSource(run.Options.CallTimeout);
                await connection.InvokeAsync<object>("SetPresence", "offline", timeout.Token);
            }
            catch (Exception exception)
            {
                run.RecordFailure(exception, "agent");
            }

            await connection.DisposeAsync();
        }
    }

    private async Task<HubConnection> ConnectAsync(string token, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(run.BaseAddress, HubNames.AgentHub.TrimStart('/')), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .WithAutomaticReconnect()
            .Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(60);
        foreach (var name in HubNames.Both(HubNames.Offered))
        {
            connection.On<OfferView>(name, offer => Track(HandleOfferAsync(connection, offer)));
        }

        connection.Reconnecting += _ =>
        {
            run.Stats.CountDrop();
            return Task.CompletedTask;
        };
        await connection.StartAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(run.Options.CallTimeout);
        await connection.InvokeAsync<object>("SetPresence", "online", timeout.Token);
        var pending = await connection.InvokeAsync<OfferList>("GetOffers", timeout.Token);
        foreach (var offer in pending.Offers)
        {
            Track(HandleOfferAsync(connection, offer));
        }

        return connection;
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _work.RemoveAll(t => t.IsCompleted);
            _work.Add(task);
        }
    }

    private async Task HandleOfferAsync(HubConnection connection, OfferView offer)
    {
        if (!_offers.TryAdd(offer.Id, true))
        {
            return; // The same offer under the other event name, or listed by GetOffers as well.
        }

        Interlocked.Increment(ref _offered);
        try
        {
            using var timeout = new CancellationTokenSource(run.Options.CallTimeout);
            var conversation = await connection.InvokeAsync<AgentConversation>("AcceptOffer", offer.Id, timeout.Token);
            Interlocked.Increment(ref _accepted);
            var turns = Random.Shared.Next(1, 3);
            for (var turn = 0; turn < turns; turn++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(500, 1500)), run.Clock);
                var nonce = Guid.NewGuid().ToString("N");
                await connection.InvokeAsync<Ack>("SendMessage", conversation.Id, nonce, LoadTexts.AgentReply(conversation.Language, turn, nonce[..8]));
                Interlocked.Increment(ref _replies);
            }

            await connection.InvokeAsync<AgentConversation>("Resolve", conversation.Id);
            Interlocked.Increment(ref _resolved);
        }
        catch (Exception exception)
        {
            run.RecordFailure(exception, "agent");
        }
    }
}

/// <summary>What the simulated agents did; <paramref name="Note"/> says when fewer could sign in than were asked for.</summary>
internal sealed record AgentSummary(int Requested, int SignedIn, long Offers, long Accepted, long Replies, long Resolved, string? Note);
