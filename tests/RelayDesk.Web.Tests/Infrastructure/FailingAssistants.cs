using System.Diagnostics;

using RelayDesk.Assistant;

namespace RelayDesk.Web.Tests.Infrastructure;

/// <summary>An assistant that throws on every turn: an outage.</summary>
public sealed class ThrowingAssistant : IAssistant
{
    public string Greeting(string language) => "Hello";

    public Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The model is down.");
}

/// <summary>An assistant that never answers: a hung model.</summary>
public sealed class HangingAssistant : IAssistant
{
    public string Greeting(string language) => "Hello";

    public async Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new UnreachableException();
    }
}
