using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RelayDesk.Web.Hubs;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Scale;

public sealed class DeskFeedAcrossInstancesTests
{
    [Fact]
    public async Task AChangePublishedOnA_IsRaisedOnceOnA_AndOnceOnB()
    {
        using var desk = new TwoInstances();
        var feedA = desk.A.Services.GetRequiredService<DeskFeed>();
        var feedB = desk.B.Services.GetRequiredService<DeskFeed>();
        var seenOnA = new ConcurrentQueue<DeskChange>();
        var seenOnB = new ConcurrentQueue<DeskChange>();
        var fromA = new DeskChange(Guid.NewGuid(), QueueChanged: true);
        var fromB = new DeskChange(Guid.NewGuid(), QueueChanged: false);
        var bGotA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aGotB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnA(DeskChange change)
        {
            seenOnA.Enqueue(change);
            if (change == fromB)
            {
                aGotB.TrySetResult();
            }
        }

        void OnB(DeskChange change)
        {
            seenOnB.Enqueue(change);
            if (change == fromA)
            {
                bGotA.TrySetResult();
            }
        }

        feedA.Changed += OnA;
        feedB.Changed += OnB;
        try
        {
            feedA.Publish(fromA);
            await bGotA.Task.WaitAsync(TestTimeouts.Event);

            // B answers after A's change went through Redis; A hears B's change only after its own echo (one channel,
            // in order), so by then an echo raised a second time would be in the list.
            feedB.Publish(fromB);
            await aGotB.Task.WaitAsync(TestTimeouts.Event);
        }
        finally
        {
            feedA.Changed -= OnA;
            feedB.Changed -= OnB;
        }

        Assert.Single(seenOnA, c => c == fromA);
        Assert.Single(seenOnA, c => c == fromB);
        Assert.Single(seenOnB, c => c == fromA);
        Assert.Single(seenOnB, c => c == fromB);
    }
}
