using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Domain.Conversations;
using RelayDesk.Web.Features.AssistantTurns;
using RelayDesk.Web.Tests.Infrastructure;
using RelayDesk.Web.Tests.Routing;

namespace RelayDesk.Web.Tests.Scale;

public sealed class AssistantTurnClaimTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "relaydesk-tests", "claims-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ACustomerMessage_IsAnsweredByTheAssistantOnce_WithTwoInstancesRunning()
    {
        var assistant = new GatedAssistant("Refunds reach your account within 5 working days.");
        using var desk = new TwoInstances(assistant);
        var (started, customer) = await desk.A.StartCustomerAsync();
        var ack = await customer.SendAsync(started.Id, "When will I get my refund?");
        await assistant.Asked.WaitAsync(TestTimeouts.Event);

        // B looks at the same turn, as its recovery would on start: a live instance is answering it, so B leaves it.
        Assert.Equal(TurnOutcome.ClaimedElsewhere, await HandleTurnAsync(desk.B, started.Id));
        assistant.Open();

        var answered = await desk.B.WaitForAsync(started.Id, c => c.Messages.Any(m => m.Author == MessageAuthor.Assistant && m.Seq > ack.Seq));
        Assert.Single(answered.Messages, m => m.Author == MessageAuthor.Assistant && m.Seq > ack.Seq);
        Assert.Equal(1, assistant.Turns);
    }

    [Fact]
    public async Task ATurnOfAnInstanceThatDied_IsAnsweredByAnother_ButNotWhileItLives()
    {
        // Two clocks: the first instance's stands still, so its heartbeat ages on the second one's.
        var hung = new GatedAssistant("never sent");
        using var first = new RelayDeskFactory(_folder) { KeepData = true, Clock = RoutingProbe.Clock(), Assistant = hung, AssistantTimeout = TimeSpan.FromMinutes(10) };
        var (started, customer) = await first.StartCustomerAsync();
        var ack = await customer.SendAsync(started.Id, "When will I get my refund?");
        await hung.Asked.WaitAsync(TestTimeouts.Event);

        var answering = new GatedAssistant("Refunds reach your account within 5 working days.");
        answering.Open();
        var clock = RoutingProbe.Clock();
        using var second = new RelayDeskFactory(_folder) { KeepData = true, Clock = clock, Assistant = answering };
        Assert.Equal(TurnOutcome.ClaimedElsewhere, await HandleTurnAsync(second, started.Id));
        Assert.Equal(0, answering.Turns);

        clock.Advance(TimeSpan.FromSeconds(46)); // Past the 45 s instance timeout: the first instance counts as dead.

        var answered = await second.WaitForAsync(started.Id, c => c.Messages.Any(m => m.Author == MessageAuthor.Assistant && m.Seq > ack.Seq));
        Assert.Equal("Refunds reach your account within 5 working days.", answered.Messages.Single(m => m.Author == MessageAuthor.Assistant && m.Seq > ack.Seq).Text);
        Assert.Equal(1, answering.Turns);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Never created, or a file still held open on this platform; the temp folder is cleaned up by the OS.
        }
    }

    private static async Task<TurnOutcome> HandleTurnAsync(RelayDeskFactory instance, Guid conversationId)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AssistantTurnHandler>().HandleAsync(new AssistantWork(conversationId, null), CancellationToken.None);
    }
}
