namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Fixed-size binary min-heap of agents' next-free times for <see cref="QueueSimulation"/>. The
/// simulation only ever reads the minimum and replaces it, so a replace-top with one sift-down is
/// all it needs, half the work of a pop followed by a push on a general priority queue.
/// </summary>
internal sealed class MinHeap
{
    private readonly double[] _items;

    /// <summary>Creates a heap of <paramref name="size"/> zeros: every agent is free at time 0.</summary>
    public MinHeap(int size)
    {
        _items = new double[size];
    }

    /// <summary>The earliest time any agent is free.</summary>
    public double Min => _items[0];

    /// <summary>Replaces the minimum with <paramref name="value"/> and restores the heap order.</summary>
    public void ReplaceMin(double value)
    {
        var index = 0;
        var count = _items.Length;
        while (true)
        {
            var left = (2 * index) + 1;
            if (left >= count)
            {
                break;
            }

            var right = left + 1;
            var smallest = right < count && _items[right] < _items[left] ? right : left;
            if (_items[smallest] >= value)
            {
                break;
            }

            _items[index] = _items[smallest];
            index = smallest;
        }

        _items[index] = value;
    }

    /// <summary>
    /// Σ max(0, freeAt − time): agent work already committed beyond <paramref name="time"/>. Under FIFO
    /// an agent that is busy at that time stays busy until its free time, so this is exactly the busy
    /// time after it.
    /// </summary>
    public double SumOfExcessOver(double time)
    {
        var sum = 0.0;
        foreach (var freeAt in _items)
        {
            if (freeAt > time)
            {
                sum += freeAt - time;
            }
        }

        return sum;
    }
}
