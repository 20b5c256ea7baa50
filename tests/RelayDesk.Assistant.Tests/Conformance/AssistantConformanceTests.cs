using RelayDesk.Assistant.Conversation;
using RelayDesk.Assistant.Knowledge;
using RelayDesk.Assistant.Nlu;
using RelayDesk.Assistant.Tests.Llm;

namespace RelayDesk.Assistant.Tests.Conformance;

/// <summary>What every <see cref="IAssistant"/> must do, whichever model is behind it.</summary>
public abstract class AssistantConformanceTests
{
    /// <summary>An assistant whose model, if it has one, will answer the next turn with <paramref name="answer"/>.</summary>
    protected abstract Task<IAssistant> CreateAsync(string answer);

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheGreeting_IsInTheCustomersLanguage()
    {
        var assistant = await CreateAsync("unused");
        try
        {
            Assert.Contains("Assistent", assistant.Greeting("de"), StringComparison.Ordinal);
            Assert.Contains("assistant", assistant.Greeting("en"), StringComparison.Ordinal);
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    [Fact]
    public async Task AHelpQuestion_GetsAnAnswer_AndNoFailure()
    {
        var assistant = await CreateAsync("Refunds take 3–5 business days once the merchant has processed the return.");
        try
        {
            var reply = await assistant.ReplyAsync(new AssistantTurn(Guid.NewGuid(), "en", "How long does a refund take?"), CancellationToken.None);

            Assert.False(string.IsNullOrWhiteSpace(reply.Text));
            Assert.Contains("refund", reply.Text, StringComparison.OrdinalIgnoreCase);
            Assert.False(reply.Signals.AssistantFailed);
            Assert.False(reply.Signals.Missed);
        }
        finally
        {
            await CleanUpAsync();
        }
    }

    [Fact]
    public async Task NoTurn_IsAnArgumentError()
    {
        var assistant = await CreateAsync("unused");
        try
        {
            await Assert.ThrowsAsync<ArgumentNullException>(() => assistant.ReplyAsync(null!, CancellationToken.None));
        }
        finally
        {
            await CleanUpAsync();
        }
    }
}

public sealed class EmbeddedAssistantConformanceTests : AssistantConformanceTests
{
    protected override Task<IAssistant> CreateAsync(string answer) =>
        Task.FromResult<IAssistant>(new EmbeddedAssistant(new KnowledgeBase(HelpArticleCatalog.LoadBuiltIn()), new NoIntents()));

    private sealed class NoIntents : IIntentRecognizer
    {
        public IntentPrediction? Recognize(string text) => null;
    }
}

public sealed class LlmAssistantConformanceTests : AssistantConformanceTests
{
    private LlmHarness? _harness;

    protected override async Task<IAssistant> CreateAsync(string answer)
    {
        _harness = await LlmHarness.StartAsync();
        _harness.Server.Then(new FakeReply.Answer(answer));
        return _harness.Assistant;
    }

    protected override async Task CleanUpAsync()
    {
        if (_harness is not null)
        {
            Assert.Empty(_harness.Server.Violations);
            await _harness.DisposeAsync();
        }
    }
}
