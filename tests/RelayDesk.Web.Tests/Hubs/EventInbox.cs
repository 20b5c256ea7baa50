using System.Threading.Channels;

namespace RelayDesk.Web.Tests.Hubs;

/// <summary>Collects what a hub pushes, so a test can wait for the event it expects (with a timeout).</summary>
internal sealed class EventInbox<T>
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();

    public void Add(T item) => _channel.Writer.TryWrite(item);

    public async Task<T> WaitForAsync(Func<T, bool> predicate)
    {
        using var deadline = new CancellationTokenSource(Infrastructure.TestTimeouts.Event);
        while (true)
        {
            var item = await _channel.Reader.ReadAsync(deadline.Token);
            if (predicate(item))
            {
                return item;
            }
        }
    }
}
