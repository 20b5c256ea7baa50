using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Assistant.Handover;
using RelayDesk.Assistant.Tests.Llm;

namespace RelayDesk.Assistant.Tests.Handover;

/// <summary>The model writes an agent briefing once per conversation state, however often the workspace asks.</summary>
public sealed class LlmCaseBriefingCacheTests
{
    private static readonly Guid Conversation = Guid.Parse("0b1c2d3e-0000-4000-8000-000000000003");

    private static readonly CaseSummary Summary = new(["refund_status"], ["refund status"], [], [], [], null);

    private static readonly FakeReply Briefing = new FakeReply.Answer("""{"summary": "The customer waits for a refund.", "replies": ["I'm checking your refund now."]}""");

    [Fact]
    public async Task TwoRequestsForTheSameConversationState_MakeOneModelCall()
    {
        await using var harness = await StartAsync();
        harness.Server.Then(Briefing);
        var transcript = Transcript("When do I get my refund?");

        var first = await Briefer(harness).TryWriteAsync(Conversation, transcript, Summary, "en", "Anna Agent", null, default);
        var second = await Briefer(harness).TryWriteAsync(Conversation, transcript, Summary, "en", "Anna Agent", null, default);

        Assert.Equal("The customer waits for a refund.", first?.Summary);
        Assert.Same(first, second);
        Assert.Single(harness.Server.Requests);
        Assert.Empty(harness.Server.Violations);
    }

    [Fact]
    public async Task ConcurrentRequestsForTheSameState_ShareTheOneCallInFlight()
    {
        await using var harness = await StartAsync();
        using var release = new ManualResetEventSlim();
        harness.Server.Then(_ =>
        {
            release.Wait(TimeSpan.FromSeconds(20));
            return Briefing;
        });
        var transcript = Transcript("When do I get my refund?");

        var first = Briefer(harness).TryWriteAsync(Conversation, transcript, Summary, "en", "Anna Agent", null, default);
        await harness.Server.WaitForRequestsAsync(1);
        var second = Briefer(harness).TryWriteAsync(Conversation, transcript, Summary, "en", "Anna Agent", null, default);
        release.Set();

        Assert.Same(await first, await second);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task ANewCustomerMessage_IsBriefedOnceMore_AndThenCachedAgain()
    {
        await using var harness = await StartAsync();
        harness.Server.Then(Briefing).Then(new FakeReply.Answer("""{"summary": "The refund is late and the customer is upset.", "replies": []}"""));
        var before = Transcript("When do I get my refund?");
        var after = Transcript("When do I get my refund?", "It has been three weeks!");

        await Briefer(harness).TryWriteAsync(Conversation, before, Summary, "en", "Anna Agent", null, default);
        var newer = await Briefer(harness).TryWriteAsync(Conversation, after, Summary, "en", "Anna Agent", null, default);
        var again = await Briefer(harness).TryWriteAsync(Conversation, after, Summary, "en", "Anna Agent", null, default);

        Assert.Equal("The refund is late and the customer is upset.", newer?.Summary);
        Assert.Same(newer, again);
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.Contains("It has been three weeks!", FakeOpenAiServer.Messages(harness.Server.Requests[1])[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedBriefing_IsNotKept_TheNextRequestAsksTheModelAgain()
    {
        await using var harness = await StartAsync();
        harness.Server.Then(new FakeReply.Answer("Sure! The customer wants a refund.")).Then(Briefing);
        var transcript = Transcript("When do I get my refund?");

        var failed = await Briefer(harness).TryWriteAsync(Conversation, transcript, Summary, "en", "Anna Agent", null, default);
        var retried = await Briefer(harness).TryWriteAsync(Conversation, transcript, Summary, "en", "Anna Agent", null, default);

        Assert.Null(failed);
        Assert.Equal("The customer waits for a refund.", retried?.Summary);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task TheCache_KeepsOneStatePerConversation_AndDropsTheLeastRecentlyUsedBeyondItsCapacity()
    {
        var cache = new BriefingCache(capacity: 2);
        var briefing = new LlmBriefing("ok", []);
        var calls = 0;
        Task<LlmBriefing?> Write()
        {
            calls++;
            return Task.FromResult<LlmBriefing?>(briefing);
        }

        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        await cache.GetOrAdd(new(a, 1, "x"), Write);
        await cache.GetOrAdd(new(a, 2, "x"), Write);
        Assert.Equal(1, cache.Count);

        await cache.GetOrAdd(new(b, 1, "x"), Write);
        await cache.GetOrAdd(new(a, 2, "x"), Write);
        await cache.GetOrAdd(new(Guid.NewGuid(), 1, "x"), Write);
        await cache.GetOrAdd(new(a, 2, "x"), Write);
        await cache.GetOrAdd(new(b, 1, "x"), Write);

        Assert.Equal(2, cache.Count);
        Assert.Equal(5, calls);
    }

    private static LlmCaseBriefing Briefer(LlmHarness harness) => harness.Services.GetRequiredService<LlmCaseBriefing>();

    private static Task<LlmHarness> StartAsync() => LlmHarness.StartAsync(configure: services => services.AddSingleton<LlmCaseBriefing>());

    private static List<TranscriptLine> Transcript(params string[] customer) =>
        [.. customer.Select((text, i) => new TranscriptLine(i + 1, TranscriptAuthor.Customer, text))];
}
