namespace RelayDesk.Domain.Routing;

/// <summary>A time a person calls the customer back, and how many more callbacks still fit into it.</summary>
public sealed record CallbackSlot(DateTimeOffset Start, DateTimeOffset End, int Remaining);

/// <summary>
/// Offers callback slots in the team's next business hours: fixed-length slots that start at least
/// <see cref="LeadTime"/> from now, aligned to the slot length, each taking at most <see cref="PerSlot"/> callbacks
/// (full slots are not offered).
/// </summary>
public sealed class CallbackPlanner(TimeSpan slotLength, int perSlot, TimeSpan leadTime)
{
    public static CallbackPlanner Default { get; } = new(TimeSpan.FromMinutes(30), 2, TimeSpan.FromMinutes(15));

    public TimeSpan SlotLength { get; } = slotLength > TimeSpan.Zero ? slotLength : throw new ArgumentOutOfRangeException(nameof(slotLength));

    public int PerSlot { get; } = perSlot > 0 ? perSlot : throw new ArgumentOutOfRangeException(nameof(perSlot));

    public TimeSpan LeadTime { get; } = leadTime;

    /// <param name="booked">How many callbacks are already booked per slot start.</param>
    public IReadOnlyList<CallbackSlot> Slots(BusinessHours hours, DateTimeOffset now, IReadOnlyDictionary<DateTimeOffset, int> booked, int count = 6)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(booked);
        var slots = new List<CallbackSlot>(count);
        var earliest = now + LeadTime;
        foreach (var (start, end) in hours.OpenPeriods(earliest, 14))
        {
            for (var slot = Align(start); slot + SlotLength <= end && slots.Count < count; slot += SlotLength)
            {
                if (slot < earliest)
                {
                    continue;
                }

                var remaining = PerSlot - booked.GetValueOrDefault(slot);
                if (remaining > 0)
                {
                    slots.Add(new CallbackSlot(slot, slot + SlotLength, remaining));
                }
            }

            if (slots.Count == count)
            {
                break;
            }
        }

        return slots;
    }

    /// <summary>Whether <paramref name="start"/> is a slot this planner would offer now (so a booking can be checked).</summary>
    public bool IsBookable(BusinessHours hours, DateTimeOffset now, IReadOnlyDictionary<DateTimeOffset, int> booked, DateTimeOffset start) =>
        Slots(hours, now, booked, count: 500).Any(s => s.Start == start);

    private DateTimeOffset Align(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var rest = ticks % SlotLength.Ticks;
        return new DateTimeOffset(rest == 0 ? ticks : ticks - rest + SlotLength.Ticks, TimeSpan.Zero);
    }
}
