using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using RelayDesk.Web.Features.Conversations;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace RelayDesk.Web.Tests.Scale;

/// <summary>
/// The promise "acknowledged only after it is committed; a retried client message id is stored once", held across a
/// <c>kill -9</c> of the real server process in the middle of a burst of customer messages over real sockets.
/// </summary>
public sealed class KillDuringBurstTests(ITestOutputHelper output)
{
    private const int Chats = 20;
    private const int InFlightPerChat = 4;
    private const int AcksBeforeKill = 300;
    private const int ResentAfterRestart = 5;

    /// <summary>How long the burst runs after its first acknowledgement when it does not reach <see cref="AcksBeforeKill"/> sooner.</summary>
    private static readonly TimeSpan BurstWindow = TimeSpan.FromSeconds(1.5);

    /// <summary>Bounds every wait on the server, so a hang fails the test instead of stalling the run.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillNineDuringABurstOfCustomerMessages_EveryAcknowledgedMessageIsStoredOnce_AndItsRetryIsADuplicate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "relaydesk-tests", "kill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppProcess? app = null;
        try
        {
            var clock = Stopwatch.StartNew();
            app = await AppProcess.StartAsync(folder);
            var chats = await StartChatsAsync(app);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: started, {chats.Count} chats connected.");
            var burst = new Burst(chats);
            var senders = burst.Start();

            try
            {
                await burst.FirstAck.Task.WaitAsync(Patience);
            }
            catch (TimeoutException)
            {
                burst.Stop();
                Assert.Fail($"No message was acknowledged within {Patience.TotalSeconds:F0} s. Failures:{Environment.NewLine}" +
                    $"{string.Join(Environment.NewLine, burst.FailuresBeforeKill.Take(20))}{Environment.NewLine}The app's output:{Environment.NewLine}{app.Output}");
            }

            // The delay is the burst's length, not a wait for an event: the kill lands while every chat has sends in flight.
            await Task.WhenAny(burst.EnoughAcks.Task, Task.Delay(BurstWindow));
            var acknowledgedBeforeKill = burst.Stop();
            await app.KillAsync();
            var killedAfter = clock.Elapsed;
            var killedOutput = app.Output;
            await app.DisposeAsync();
            app = null;
            await Task.WhenAll(senders).WaitAsync(Patience);
            await Task.WhenAll(chats.Select(c => c.Hub.DisposeAsync().AsTask())).WaitAsync(Patience);

            Assert.True(acknowledgedBeforeKill > 0, "No message was acknowledged before the kill: the test proved nothing.");
            var acks = burst.Acks.ToList();
            Assert.Empty(ConflictingAcks(acks));
            output.WriteLine($"{killedAfter.TotalSeconds:F1} s: killed with {acknowledgedBeforeKill} acknowledgements " +
                $"({acks.Count} in all, {burst.Attempted} sends started, {burst.FailuresBeforeKill.Count} failed before the kill).");
            foreach (var failure in burst.FailuresBeforeKill.Take(10))
            {
                output.WriteLine($"  failed before the kill: {failure}");
            }

            app = await AppProcess.StartAsync(folder);
            var transcripts = await ReadTranscriptsAsync(app, chats);
            var problems = Problems(acks, transcripts, burst.Texts).ToList();
            Assert.True(problems.Count == 0,
                $"{problems.Count} problems after the restart:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(30))}" +
                $"{Environment.NewLine}Output of the killed app:{Environment.NewLine}{killedOutput}");
            var storedUnacknowledged = transcripts.Values.Sum(t => t.Count(m => m.Author == "customer")) - acks.Select(a => a.ClientMessageId).Distinct().Count();
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: restarted; every acknowledged message is stored once; {storedUnacknowledged} sent but unacknowledged were committed too.");

            var resent = await ResendAfterRestartAsync(app, chats, acks);
            var afterResend = await ReadTranscriptsAsync(app, chats);
            foreach (var ack in resent)
            {
                Assert.Equal(
                    transcripts[ack.Chat.Id].Count(m => m.Author == "customer"),
                    afterResend[ack.Chat.Id].Count(m => m.Author == "customer"));
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {resent.Count} acknowledged messages sent again were duplicates, stored once.");
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleanup.
            }
        }
    }

    private static async Task<IReadOnlyList<Chat>> StartChatsAsync(AppProcess app)
    {
        using var anonymous = app.Client();
        var chats = new List<Chat>();
        for (var number = 1; number <= Chats; number++)
        {
            var response = await anonymous.PostAsJsonAsync("api/v1/conversations", new { language = "en" });
            response.EnsureSuccessStatusCode();
            var started = (await response.Content.ReadFromJsonAsync<StartedConversation>())!;
            var hub = app.CustomerHub(started.Token);
            using var timeout = new CancellationTokenSource(Patience);
            await hub.StartAsync(timeout.Token);
            await hub.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), 0L, timeout.Token);
            chats.Add(new Chat(number, started.Id, started.Token, hub));
        }

        return chats;
    }

    private static async Task<Dictionary<Guid, IReadOnlyList<MessageView>>> ReadTranscriptsAsync(AppProcess app, IReadOnlyList<Chat> chats)
    {
        var transcripts = new Dictionary<Guid, IReadOnlyList<MessageView>>();
        foreach (var chat in chats)
        {
            using var customer = app.Client(chat.Token);
            var list = await customer.GetFromJsonAsync<MessageList>($"api/v1/conversations/{chat.Id}/messages?after=0");
            transcripts[chat.Id] = list!.Messages;
        }

        return transcripts;
    }

    /// <summary>
    /// The last acknowledged message of a few chats (the nearest to the kill), sent again with its client id over a new
    /// connection to the restarted app: acknowledged again with its first seq, marked a duplicate.
    /// </summary>
    private static async Task<IReadOnlyList<Ack>> ResendAfterRestartAsync(AppProcess app, IReadOnlyList<Chat> chats, IReadOnlyList<Ack> acks)
    {
        var resent = acks.GroupBy(a => a.Chat.Id)
            .Select(g => g.MaxBy(a => a.Seq)!)
            .Take(ResentAfterRestart)
            .ToList();
        foreach (var ack in resent)
        {
            await using var hub = app.CustomerHub(chats.Single(c => c.Id == ack.Chat.Id).Token);
            using var timeout = new CancellationTokenSource(Patience);
            await hub.StartAsync(timeout.Token);
            await hub.InvokeAsync<CustomerHub.JoinResult>(nameof(CustomerHub.Join), ack.Seq, timeout.Token);
            var again = await hub.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), ack.ClientMessageId, ack.Text, timeout.Token);
            Assert.True(again.Duplicate, $"The retry of {ack.ClientMessageId} after the restart was not acknowledged as a duplicate (seq {again.Seq}).");
            Assert.Equal(ack.Seq, again.Seq);
        }

        return resent;
    }

    /// <summary>Two acknowledgements that cannot both be true: one client id at two seqs, or two client ids at one seq.</summary>
    private static IEnumerable<string> ConflictingAcks(IReadOnlyList<Ack> acks) =>
        acks.GroupBy(a => (a.Chat.Id, a.ClientMessageId)).Where(g => g.Select(a => a.Seq).Distinct().Count() > 1)
            .Select(g => $"{g.Key.ClientMessageId} acknowledged at seqs {string.Join(", ", g.Select(a => a.Seq))}")
            .Concat(acks.GroupBy(a => (a.Chat.Id, a.Seq)).Where(g => g.Select(a => a.ClientMessageId).Distinct().Count() > 1)
                .Select(g => $"seq {g.Key.Seq} of chat {g.First().Chat.Number} acknowledged for {string.Join(", ", g.Select(a => a.ClientMessageId).Distinct())}"));

    private static IEnumerable<string> Problems(IReadOnlyList<Ack> acks, Dictionary<Guid, IReadOnlyList<MessageView>> transcripts, IReadOnlySet<string> sentTexts)
    {
        foreach (var ack in acks)
        {
            var stored = transcripts[ack.Chat.Id].FirstOrDefault(m => m.Seq == ack.Seq);
            if (stored is null)
            {
                yield return $"lost: {ack.ClientMessageId} \"{ack.Text}\" acknowledged at seq {ack.Seq} is not in chat {ack.Chat.Number}";
            }
            else if (stored.Text != ack.Text || stored.Author != "customer")
            {
                yield return $"changed: {ack.ClientMessageId} \"{ack.Text}\" acknowledged at seq {ack.Seq}, stored there: {stored.Author} \"{stored.Text}\"";
            }
        }

        foreach (var (id, transcript) in transcripts)
        {
            foreach (var twice in transcript.GroupBy(m => m.Seq).Where(g => g.Count() > 1))
            {
                yield return $"seq {twice.Key} twice in conversation {id}";
            }

            foreach (var customer in transcript.Where(m => m.Author == "customer").GroupBy(m => m.Text))
            {
                if (customer.Count() > 1)
                {
                    yield return $"stored {customer.Count()} times: \"{customer.Key}\" at seqs {string.Join(", ", customer.Select(m => m.Seq))}";
                }

                if (!sentTexts.Contains(customer.Key))
                {
                    yield return $"stored but never sent: \"{customer.Key}\" in conversation {id}";
                }
            }
        }
    }

    private sealed record Chat(int Number, Guid Id, string Token, HubConnection Hub);

    private sealed record Ack(Chat Chat, string ClientMessageId, string Text, long Seq, bool Duplicate);

    /// <summary>
    /// Every chat keeps <see cref="InFlightPerChat"/> sends in flight, each sending its next message as soon as its ack
    /// comes back. A send that fails before the kill is retried with the same client id, as the widget does.
    /// </summary>
    private sealed class Burst(IReadOnlyList<Chat> chats)
    {
        private const int AttemptsPerMessage = 3;

        private readonly int[] _next = new int[chats.Count];
        private readonly ConcurrentDictionary<string, bool> _texts = new();
        private int _acknowledged;
        private volatile bool _stopped;

        public ConcurrentQueue<Ack> Acks { get; } = new();

        public ConcurrentQueue<string> FailuresBeforeKill { get; } = new();

        public TaskCompletionSource FirstAck { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource EnoughAcks { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Every text a send was started with: only these may be in the transcripts as the customer's.</summary>
        public IReadOnlySet<string> Texts => _texts.Keys.ToHashSet();

        public int Attempted => _texts.Count;

        public IReadOnlyList<Task> Start() =>
            [.. chats.SelectMany((chat, index) => Enumerable.Range(0, InFlightPerChat).Select(_ => Task.Run(() => SendAsync(chat, index))))];

        /// <summary>From now on a failed send is the kill's doing; returns the acknowledgements so far.</summary>
        public int Stop()
        {
            _stopped = true;
            return Volatile.Read(ref _acknowledged);
        }

        private async Task SendAsync(Chat chat, int index)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (!_stopped)
            {
                var n = Interlocked.Increment(ref _next[index]);
                var clientMessageId = $"burst-{chat.Number}-{n}";
                var text = $"Burst message {n} from chat {chat.Number}, sent while the server may die";
                _texts[text] = true;
                for (var attempt = 1; attempt <= AttemptsPerMessage && !_stopped; attempt++)
                {
                    try
                    {
                        var ack = await chat.Hub.InvokeAsync<MessageAck>(nameof(CustomerHub.SendMessage), clientMessageId, text, timeout.Token);
                        Acks.Enqueue(new Ack(chat, clientMessageId, text, ack.Seq, ack.Duplicate));
                        var count = Interlocked.Increment(ref _acknowledged);
                        FirstAck.TrySetResult();
                        if (count >= AcksBeforeKill)
                        {
                            EnoughAcks.TrySetResult();
                        }

                        break;
                    }
                    catch (Exception e) when (!_stopped && !timeout.IsCancellationRequested)
                    {
                        FailuresBeforeKill.Enqueue($"{clientMessageId} attempt {attempt}: {e.GetType().Name}: {e.Message}");
                        if (chat.Hub.State != HubConnectionState.Connected)
                        {
                            return; // The connection itself is gone; the counts above show it.
                        }
                    }
                    catch (Exception) when (_stopped || timeout.IsCancellationRequested)
                    {
                        return; // In flight when the process died: neither acknowledged nor counted.
                    }
                }
            }
        }
    }
}
