using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace RelayDesk.Cli.Load;

/// <summary>
/// One simulated customer: a conversation, its own WebSocket hub connection, and what it sent and was answered. An
/// answer is the first assistant (or system) message pushed with a higher sequence number than a message's ack; the
/// push can arrive before the ack (the server pushes before it returns), so both orders are matched.
/// </summary>
internal sealed class CustomerSession : IAsyncDisposable
{
    private readonly LoadContext _run;
    private readonly Lock _gate = new();
    private readonly HashSet<long> _seen = [];
    private readonly List<SentMessage> _sent = [];
    private readonly List<SentMessage> _waiting = [];
    private readonly List<(long Seq, long At)> _answers = [];
    private long _lastSeq;
    private bool _reconnecting;
    private bool _stopping;

    private CustomerSession(LoadContext run, StartedConversation conversation, string language)
    {
        _run = run;
        Id = conversation.Id;
        Token = conversation.Token;
        Language = language;
        State = conversation.State;
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(run.BaseAddress, HubNames.CustomerHub.TrimStart('/')), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(Token);
            })
            .WithAutomaticReconnect()
            .Build();
        Connection.ServerTimeout = TimeSpan.FromSeconds(60); // A busy two-core box may miss a keep-alive; that is not a drop.
        Connection.HandshakeTimeout = run.Options.CallTimeout;
        foreach (var name in HubNames.Both(HubNames.Message))
        {
            Connection.On<MessageView>(name, OnMessage);
        }

        foreach (var name in HubNames.Both(HubNames.ConversationUpdated))
        {
            Connection.On<ConversationState>(name, view => OnState(view.State));
        }

        Connection.Reconnecting += _ =>
        {
            _reconnecting = true;
            run.Stats.CountDrop();
            return Task.CompletedTask;
        };
        Connection.Reconnected += async _ =>
        {
            _reconnecting = false;
            try
            {
                await JoinAsync(CancellationToken.None); // Catch up on what was pushed while the connection was down.
            }
            catch (Exception exception)
            {
                run.RecordFailure(exception);
            }
        };
        Connection.Closed += _ =>
        {
            if (!_stopping && !_reconnecting)
            {
                run.Stats.CountDrop();
            }

            return Task.CompletedTask;
        };
    }

    public Guid Id { get; }

    public string Token { get; }

    public string Language { get; }

    public HubConnection Connection { get; }

    public string State { get; private set; }

    /// <summary>May write now: connected and not resolved or closed (a resolved chat refuses customer messages).</summary>
    public bool CanWrite => Connection.State == HubConnectionState.Connected && State is not ("resolved" or "closed");

    public static async Task<CustomerSession> ConnectAsync(LoadContext run, StartedConversation conversation, string language, CancellationToken cancellationToken)
    {
        var session = new CustomerSession(run, conversation, language);
        try
        {
            await session.Connection.StartAsync(cancellationToken);
            await session.JoinAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends without waiting: the scheduler moves on at once (open loop); the ack is recorded when it comes.</summary>
    public void Send(SentMessage message)
    {
        lock (_gate)
        {
            message.HandedOver = State != "assistant";
            _sent.Add(message);
            _waiting.Add(message);
        }

        _run.Stats.CountSent();
        _ = SendAsync(message);
    }

    public void RequestHuman() => _ = RequestHumanAsync();

    /// <summary>Everything sent so far (for the transcript check), as a copy.</summary>
    public IReadOnlyList<SentMessage> Sent()
    {
        lock (_gate)
        {
            return [.. _sent];
        }
    }

    /// <summary>Sends still waiting for their ack, and acknowledged messages still waiting for an assistant answer.</summary>
    public (int InFlight, int AwaitingAnswer) Outstanding()
    {
        lock (_gate)
        {
            return (_waiting.Count(m => !m.Completed), _waiting.Count(m => m.AckSeq is not null && !m.HandedOver));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        await Connection.DisposeAsync();
    }

    private async Task JoinAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_run.Options.CallTimeout);
        var joined = await Connection.InvokeAsync<JoinResult>("Join", Interlocked.Read(ref _lastSeq), timeout.Token);
        foreach (var message in joined.Messages)
        {
            OnMessage(message);
        }

        OnState(joined.Conversation.State);
    }

    private async Task SendAsync(SentMessage message)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_run.Options.CallTimeout);
            var ack = await Connection.InvokeAsync<Ack>("SendMessage", message.ClientMessageId, message.Text, timeout.Token);
            var now = _run.Now();
            _run.Stats.RecordAck(_run.Since(message.ScheduledAt, now), message.InWindow, _run.InWindow(now));
            lock (_gate)
            {
                message.AckSeq = ack.Seq;
                var answer = _answers.FirstOrDefault(a => a.Seq > ack.Seq);
                if (answer.At != 0)
                {
                    Answer(message, answer.At);
                }

                if (!_waiting.Any(m => !m.Completed))
                {
                    _answers.Clear(); // Anything sent from now on is stored after these answers, so they cannot answer it.
                }
            }
        }
        catch (Exception exception)
        {
            _run.RecordFailure(exception);
            lock (_gate)
            {
                message.Failed = true;
                _waiting.Remove(message);
            }
        }
    }

    private async Task RequestHumanAsync()
    {
        _run.Stats.CountHumanRequest();
        try
        {
            using var timeout = new CancellationTokenSource(_run.Options.CallTimeout);
            var view = await Connection.InvokeAsync<ConversationState>("RequestHuman", timeout.Token);
            OnState(view.State);
        }
        catch (Exception exception)
        {
            _run.RecordFailure(exception);
        }
    }

    private void OnMessage(MessageView message)
    {
        var now = _run.Now();
        lock (_gate)
        {
            if (!_seen.Add(message.Seq))
            {
                return; // The same push under the other event name, or again in a Join after a reconnect.
            }

            if (message.Seq > _lastSeq)
            {
                Interlocked.Exchange(ref _lastSeq, message.Seq);
            }

            if (message.Author is not (HubNames.Authors.Assistant or HubNames.Authors.System))
            {
                return;
            }

            foreach (var waiting in _waiting.Where(m => m.AckSeq < message.Seq).ToList())
            {
                Answer(waiting, now);
            }

            if (_waiting.Any(m => !m.Completed))
            {
                _answers.Add((message.Seq, now)); // An ack still on its way may turn out to be answered by this.
            }
        }
    }

    private void OnState(string state)
    {
        lock (_gate)
        {
            State = state;
            if (state != "assistant")
            {
                foreach (var waiting in _waiting)
                {
                    waiting.HandedOver = true;
                }
            }
        }
    }

    private void Answer(SentMessage message, long at)
    {
        message.Answered = true;
        _waiting.Remove(message);
        if (message.InWindow)
        {
            _run.Stats.RecordAnswer(_run.Since(message.ScheduledAt, at));
        }
    }
}
