using RelayDesk.Assistant;
using RelayDesk.Domain.Escalation;

namespace RelayDesk.Web.Tests.Scale;

/// <summary>An assistant that holds every turn until the test opens the gate, and counts the turns it was asked.</summary>
internal sealed class GatedAssistant(string answer) : IAssistant
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _turns;

    public int Turns => Volatile.Read(ref _turns);

    /// <summary>Completes when the first turn reached the assistant.</summary>
    public Task Asked => _asked.Task;

    public string Greeting(string language) => "Hello";

    public void Open() => _gate.TrySetResult();

    public async Task<AssistantReply> ReplyAsync(AssistantTurn turn, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _turns);
        _asked.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        return new AssistantReply(answer, TurnSignals.None);
    }
}
