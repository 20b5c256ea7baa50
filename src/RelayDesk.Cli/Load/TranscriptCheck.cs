using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace RelayDesk.Cli.Load;

/// <summary>
/// After the run: reads every conversation back through the public API (<c>GET …/messages?after=0</c> with the
/// conversation's token) and checks the promise "acknowledged means stored": every acknowledged sequence number holds
/// exactly the text sent (else it is <b>lost</b>), and no sent text is stored twice (<b>duplicated</b>).
/// </summary>
internal static class TranscriptCheck
{
    public static async Task<CheckResult> RunAsync(LoadContext run, HttpClient http, IReadOnlyList<CustomerSession> sessions, CancellationToken cancellationToken)
    {
        long lost = 0, duplicated = 0, storedWithoutAck = 0, checkedConversations = 0;
        var samples = new List<string>();
        var gate = new Lock();
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = run.Options.StartConcurrency, CancellationToken = cancellationToken },
            async (session, ct) =>
            {
                var sent = session.Sent();
                MessageList stored;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/conversations/{session.Id}/messages?after=0");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
                    using var response = await http.SendAsync(request, ct);
                    response.EnsureSuccessStatusCode();
                    stored = (await response.Content.ReadFromJsonAsync<MessageList>(ct))!;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    run.Stats.RecordError("check", $"transcript of {session.Id} not readable: {exception.Message}");
                    // Not verifiable is not the same as stored: count every acknowledged message of it as lost.
                    lock (gate)
                    {
                        lost += sent.Count(m => m.AckSeq is not null);
                    }

                    return;
                }

                var result = Compare(sent, stored.Messages);
                lock (gate)
                {
                    lost += result.Lost;
                    duplicated += result.Duplicated;
                    storedWithoutAck += result.StoredWithoutAck;
                    checkedConversations++;
                    samples.AddRange(result.Samples.Select(s => $"{session.Id}: {s}").Take(Math.Max(0, 5 - samples.Count)));
                }
            });
        return new CheckResult(checkedConversations, lost, duplicated, storedWithoutAck, samples);
    }

    /// <summary>One conversation: what was acknowledged against what is stored.</summary>
    public static CheckResult Compare(IReadOnlyList<SentMessage> sent, IReadOnlyList<MessageView> stored)
    {
        var bySeq = new Dictionary<long, MessageView>();
        var textCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in stored)
        {
            bySeq[message.Seq] = message;
            if (message.Author == HubNames.Authors.Customer)
            {
                textCounts[message.Text] = textCounts.GetValueOrDefault(message.Text) + 1;
            }
        }

        long lost = 0, duplicated = 0, storedWithoutAck = 0;
        var samples = new List<string>();
        foreach (var message in sent)
        {
            var copies = textCounts.GetValueOrDefault(message.Text);
            duplicated += Math.Max(0, copies - 1);
            if (message.AckSeq is { } seq)
            {
                if (!bySeq.TryGetValue(seq, out var found) || found.Author != HubNames.Authors.Customer || found.Text != message.Text)
                {
                    lost++;
                    samples.Add(found is null ? $"seq {seq} acknowledged but missing" : $"seq {seq} holds another text: '{found.Text}'");
                }
            }
            else if (copies > 0)
            {
                storedWithoutAck++; // Sent, timed out or dropped before the ack, yet stored: allowed (the client would retry with the same id).
            }
        }

        return new CheckResult(1, lost, duplicated, storedWithoutAck, samples);
    }
}

internal sealed record CheckResult(long Conversations, long Lost, long Duplicated, long StoredWithoutAck, IReadOnlyList<string> Samples);
