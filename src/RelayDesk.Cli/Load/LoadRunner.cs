using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;

namespace RelayDesk.Cli.Load;

/// <summary>
/// Runs one load test: signs in the agents, starts and connects every customer (bounded concurrency, before the
/// measured window), sends open-loop from one scheduler at absolute times, drains, reads every transcript back and
/// reports. <paramref name="progress"/> gets one line every few seconds (stderr, so <c>--json</c> stays clean).
/// </summary>
internal sealed class LoadRunner(LoadOptions options, TimeProvider clock, TextWriter progress)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private readonly LoadContext _run = new(options, clock, new LoadStats());
    private readonly List<string> _notes = [];

    /// <summary>How the report names the target (e.g. "echo (in-process …)").</summary>
    public string? TargetName { get; init; }

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = _run.BaseAddress,
            Timeout = options.CallTimeout,
        };
        await using var agents = options.Agents > 0 ? new AgentDesk(_run) : null;
        if (agents is not null)
        {
            await agents.StartAsync(http, cancellationToken);
            progress.WriteLine($"{agents.SignedIn} agents online");
        }

        var sessions = await StartCustomersAsync(http, cancellationToken);
        try
        {
            if (sessions.Count > 0)
            {
                await ScheduleAsync(sessions, cancellationToken);
                await DrainAsync(sessions);
            }

            var check = await TranscriptCheck.RunAsync(_run, http, sessions, CancellationToken.None);
            return Report(sessions, check, agents?.Summary());
        }
        finally
        {
            await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = options.StartConcurrency },
                async (session, _) => await session.DisposeAsync());
        }
    }

    private async Task<List<CustomerSession>> StartCustomersAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var started = new ConcurrentBag<CustomerSession>();
        var begin = _run.Now();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Customers),
            new ParallelOptions { MaxDegreeOfParallelism = options.StartConcurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var language = i % 2 == 0 ? "de" : "en";
                StartedConversation conversation;
                try
                {
                    using var response = await http.PostAsJsonAsync("api/v1/conversations", new StartRequest(language), ct);
                    if (!response.IsSuccessStatusCode)
                    {
                        var kind = (int)response.StatusCode == 429 ? "rate_limited" : "start_failed";
                        _run.Stats.RecordError(kind, $"POST /api/v1/conversations answered HTTP {(int)response.StatusCode}");
                        return;
                    }

                    conversation = (await response.Content.ReadFromJsonAsync<StartedConversation>(ct))!;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    _run.Stats.RecordError("start_failed", $"POST /api/v1/conversations: {exception.Message}");
                    return;
                }

                try
                {
                    started.Add(await CustomerSession.ConnectAsync(_run, conversation, language, ct));
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    _run.Stats.RecordError("connect_failed", $"{exception.GetType().Name}: {exception.Message}");
                }
            });
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{started.Count} of {options.Customers} customers started and connected in {_run.Since(begin, _run.Now()).TotalSeconds:0.0} s"));
        return [.. started.OrderBy(s => s.Id)];
    }

    /// <summary>
    /// The one scheduler: message i is due at start + i / rate, whatever happened to earlier ones (open loop). Each
    /// pass sends everything due, round-robin over customers who may write, then waits a millisecond.
    /// </summary>
    private async Task ScheduleAsync(List<CustomerSession> sessions, CancellationToken cancellationToken)
    {
        var start = _run.Now();
        _run.OpenWindow(start);
        var frequency = (double)clock.TimestampFrequency;
        var total = (long)Math.Floor(options.Rate * (options.Warmup + options.Duration).TotalSeconds);
        var humans = PlanHumanRequests(sessions, start);
        var runId = Guid.NewGuid().ToString("N")[..6];
        long next = 0, nextProgress = start + _run.Ticks(TimeSpan.FromSeconds(5));
        var humanIndex = 0;
        var turn = 0;
        while (!cancellationToken.IsCancellationRequested && (next < total || humanIndex < humans.Count))
        {
            var now = _run.Now();
            var due = Math.Min(total, (long)((now - start) / frequency * options.Rate) + 1);
            for (; next < due; next++)
            {
                var scheduled = start + (long)(next * frequency / options.Rate);
                if (NextWriter(sessions, ref turn) is not { } session)
                {
                    _run.Stats.RecordError("skipped", "no customer could write (all resolved, closed or disconnected)");
                    continue;
                }

                var nonce = LoadTexts.Nonce(runId, next);
                session.Send(new SentMessage(nonce, LoadTexts.Question(session.Language, (int)(next % 97), nonce), scheduled, _run.InWindow(scheduled)));
            }

            for (; humanIndex < humans.Count && humans[humanIndex].At <= now; humanIndex++)
            {
                var (at, session, byText) = humans[humanIndex];
                if (byText)
                {
                    var nonce = LoadTexts.Nonce(runId, -1 - humanIndex);
                    session.Send(new SentMessage(nonce, LoadTexts.HumanRequest(session.Language, nonce), at, _run.InWindow(at)));
                    _run.Stats.CountHumanRequest();
                }
                else
                {
                    session.RequestHuman();
                }
            }

            if (now >= nextProgress)
            {
                nextProgress += _run.Ticks(TimeSpan.FromSeconds(5));
                var s = _run.Stats;
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"t={_run.Since(start, now).TotalSeconds:0}s sent {s.Sent}, acked {s.Acked}, errors {s.Errors().Total}, dropped {s.ConnectionsDropped}"));
            }

            await Task.Delay(Tick, clock, CancellationToken.None);
        }

        // Wait out the rest of the window when the last message was due before its end (low rates).
        var left = _run.WindowEnd - _run.Now();
        if (left > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(left / frequency), clock, CancellationToken.None);
        }
    }

    /// <summary>
    /// Who asks for a person and when: a share of the customers, once each, at a random time in the run; every other one
    /// by writing it, the rest with the "Talk to a human" button (<c>RequestHuman</c>).
    /// </summary>
    private List<(long At, CustomerSession Session, bool ByText)> PlanHumanRequests(List<CustomerSession> sessions, long start)
    {
        var count = (int)Math.Round(sessions.Count * options.HumanShare, MidpointRounding.AwayFromZero);
        var span = _run.Ticks(options.Warmup + options.Duration * 0.9);
        return [.. sessions.OrderBy(_ => Random.Shared.Next()).Take(count)
            .Select((s, i) => (At: start + (long)(Random.Shared.NextDouble() * span), Session: s, ByText: i % 2 == 1))
            .OrderBy(h => h.At)];
    }

    private static CustomerSession? NextWriter(List<CustomerSession> sessions, ref int turn)
    {
        for (var tries = 0; tries < sessions.Count; tries++)
        {
            var session = sessions[turn];
            turn = (turn + 1) % sessions.Count;
            if (session.CanWrite)
            {
                return session;
            }
        }

        return null;
    }

    /// <summary>Waits (bounded by the drain time) until every send is acknowledged or failed and every answer is in.</summary>
    private async Task DrainAsync(List<CustomerSession> sessions)
    {
        var until = _run.Now() + _run.Ticks(options.DrainTime);
        while (_run.Now() < until)
        {
            var outstanding = sessions.Select(s => s.Outstanding()).ToList();
            if (outstanding.All(o => o.InFlight == 0 && o.AwaitingAnswer == 0))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
        }

        // Sends still in flight end with their own timeout; give them that long, since a late ack still counts.
        var hardStop = _run.Now() + _run.Ticks(options.CallTimeout);
        while (sessions.Any(s => s.Outstanding().InFlight > 0) && _run.Now() < hardStop)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock);
        }
    }

    private LoadReport Report(List<CustomerSession> sessions, CheckResult check, AgentSummary? agents)
    {
        var sent = sessions.SelectMany(s => s.Sent()).ToList();
        var unanswered = sent.LongCount(m => m.AckSeq is not null && !m.Answered && !m.HandedOver);
        if (unanswered > 0)
        {
            _notes.Add($"{unanswered} acknowledged messages got no assistant answer within the {options.DrainTime.TotalSeconds:0} s drain.");
        }

        if (agents?.Note is { } note)
        {
            _notes.Add(note);
        }

        var stats = _run.Stats;
        return new LoadReport(
            TargetName ?? options.Target.ToString(),
            options.Customers,
            sessions.Count,
            options.Rate,
            options.Warmup.TotalSeconds,
            options.Duration.TotalSeconds,
            stats.Sent,
            stats.Acked,
            Math.Round(stats.AckedInWindow / options.Duration.TotalSeconds, 1),
            stats.AckLatency(),
            stats.AnswerLatency(),
            sent.LongCount(m => m.Answered),
            unanswered,
            sent.LongCount(m => m.AckSeq is not null && !m.Answered && m.HandedOver),
            stats.HumanRequests,
            stats.Errors(),
            stats.ConnectionsDropped,
            check.Conversations,
            check.Lost,
            check.Duplicated,
            check.StoredWithoutAck,
            check.Samples,
            agents,
            _notes);
    }
}
