using System.Collections.Concurrent;
using RelayDesk.Assistant;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.AssistantTurns;

public sealed class MessagesInARowTests
{
    [Fact]
    public async Task Messages_sent_while_the_assistant_is_busy_get_one_answer_that_says_it_covers_them_all()
    {
        var assistant = new HeldAssistant("Your next payment of 49.90 EUR is due on 15 March.");
        using var factory = new RelayDeskFactory { Assistant = assistant };
        var (started, customer) = await factory.StartCustomerAsync("en");

        var first = await customer.SendAsync(started.Id, "When is my next payment?");
        await assistant.Asked.WaitAsync(TestTimeouts.Event);
        var second = await customer.SendAsync(started.Id, "And how much will it be?");
        assistant.Release();

        var conversation = await factory.WaitForAsync(started.Id, c => c.Messages.Any(m => m.Author == MessageAuthor.Assistant && m.Seq > second.Seq));
        var answers = conversation.Messages.Where(m => m.Author == MessageAuthor.Assistant && m.Seq > first.Seq).ToList();
        var answer = Assert.Single(answers);
        Assert.Equal(second.Seq + 1, answer.Seq);
        Assert.StartsWith("About your last 2 messages:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("15 March", answer.Text, StringComparison.Ordinal);

        // The turn that answered read both messages, in the order they were sent.
        var lastTurn = assistant.Texts.Last();
        Assert.True(lastTurn.IndexOf("When is my next payment?", StringComparison.Ordinal) < lastTurn.IndexOf("And how much will it be?", StringComparison.Ordinal));
        Assert.Contains("When is my next payment?", lastTurn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_a_person_in_an_earlier_message_of_the_row_still_brings_one_in()
    {
        var assistant = new HeldAssistant("Here is the help article.");
        using var factory = new RelayDeskFactory { Assistant = assistant };
        var (started, customer) = await factory.StartCustomerAsync("en");

        await customer.SendAsync(started.Id, "When is my next payment?");
        await assistant.Asked.WaitAsync(TestTimeouts.Event);
        await customer.SendAsync(started.Id, "Actually I want to talk to a human agent please");
        await customer.SendAsync(started.Id, "hello?");
        assistant.Release();

        var conversation = await factory.WaitForAsync(started.Id, c => c.State != ConversationState.Assistant);
        Assert.Equal(ConversationState.Queued, conversation.State);
    }

    /// <summary>An assistant that holds every turn until released, and remembers what it was asked.</summary>
    private sealed class HeldAssistant(string answer) : IAssistant
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _texts = new();

        public Task Asked => _asked.Task;

        public IReadOnlyList<string> Texts => [.. _texts];

        public string Greeting(string language) => "Hello";

        public void Release() => _released.TrySetResult();

        public async Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
        {
            _texts.Enqueue(turn.Text);
            _asked.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            return new AssistantReply(answer, TurnSignals.None);
        }
    }
}
