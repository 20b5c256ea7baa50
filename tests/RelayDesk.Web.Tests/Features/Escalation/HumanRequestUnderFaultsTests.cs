using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RelayDesk.Assistant;
using RelayDesk.Domain.Conversations;
using RelayDesk.Domain.Escalation;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Escalation;

/// <summary>
/// The promise through the real path: random conversation histories with random assistant faults (exceptions, hangs,
/// empty answers), then a request for a person — written or the button. The conversation never stays with the assistant.
/// </summary>
public sealed class HumanRequestUnderFaultsTests : IClassFixture<HumanRequestUnderFaultsTests.ChaosDesk>
{
    private readonly ChaosDesk _desk;

    public HumanRequestUnderFaultsTests(ChaosDesk desk) => _desk = desk;

    public enum Fault
    {
        None,
        Throws,
        Hangs,
        SaysNothing,
    }

    private static readonly string[] Chatter = ["when is my next payment", "wann kommt meine Erstattung", "thanks", "blorp", "I returned the parcel"];

    private static readonly string[] Requests = ["I want to talk to a human", "Mensch bitte", "agent please", "ich will mit einem Mitarbeiter sprechen", "BUTTON"];

    [Property(MaxTest = 12)]
    public Property ARequestForAPerson_IsHonouredWhateverTheAssistantDid()
    {
        var scenario =
            from turns in Gen.Choose(0, 3)
            from history in Gen.ListOf(Gen.Elements(Chatter).Zip(Gen.Elements(Enum.GetValues<Fault>())), turns)
            from request in Gen.Elements(Requests)
            from requestFault in Gen.Elements(Enum.GetValues<Fault>())
            from language in Gen.Elements("de", "en")
            select (history, request, requestFault, language);

        return Prop.ForAll(scenario.ToArbitrary(), s => RunAsync(s.history, s.request, s.requestFault, s.language).GetAwaiter().GetResult());
    }

    private async Task<bool> RunAsync(IEnumerable<(string Text, Fault Fault)> history, string request, Fault requestFault, string language)
    {
        var (started, customer) = await _desk.Factory.StartCustomerAsync(language);
        foreach (var (text, fault) in history)
        {
            _desk.Assistant.Plan(started.Id, fault);
            var ack = await customer.SendAsync(started.Id, text);
            await _desk.Factory.WaitForAsync(started.Id, c => c.LastSeq > ack.Seq || c.State != ConversationState.Assistant);
        }

        _desk.Assistant.Plan(started.Id, requestFault);
        if (request == "BUTTON")
        {
            (await customer.PostAsync($"/api/v1/conversations/{started.Id}/human", null)).EnsureSuccessStatusCode();
        }
        else
        {
            await customer.SendAsync(started.Id, request);
        }

        var conversation = await _desk.Factory.WaitForAsync(started.Id, c => c.State != ConversationState.Assistant);
        return conversation.State == ConversationState.Queued && conversation.EscalationRuleId is not null;
    }

    /// <summary>One desk for all generated cases, with an assistant whose next fault per conversation the test plans.</summary>
    public sealed class ChaosDesk : IAsyncLifetime
    {
        public ChaosAssistant Assistant { get; } = new();

        public RelayDeskFactory Factory { get; private set; } = default!;

        public Task InitializeAsync()
        {
            Factory = new RelayDeskFactory { Assistant = Assistant, AssistantTimeout = TimeSpan.FromMilliseconds(300) };
            _ = Factory.Server;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    public sealed class ChaosAssistant : IAssistant
    {
        private readonly ConcurrentDictionary<Guid, Fault> _next = new();

        public void Plan(Guid conversationId, Fault fault) => _next[conversationId] = fault;

        public string Greeting(string language) => "Hallo / Hello";

        public async Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
        {
            switch (_next.GetValueOrDefault(turn.ConversationId))
            {
                case Fault.Throws:
                    throw new InvalidOperationException("injected fault");
                case Fault.Hangs:
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    return new AssistantReply("never", TurnSignals.None);
                case Fault.SaysNothing:
                    return new AssistantReply(null, new TurnSignals { Missed = true });
                default:
                    return new AssistantReply("Here is what I know.", new TurnSignals { Intent = "help" });
            }
        }
    }
}
