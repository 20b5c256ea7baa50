namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Deterministic, realistic-looking contact history for demos and seeding: human-request times of a
/// buy-now-pay-later chat desk. Same arguments, same timestamps (seeded <see cref="Random"/>).
/// </summary>
/// <remarks>
/// Shape, in the local time of the start's offset: almost nothing at night, a morning ramp, a lunch
/// peak (12:00–13:30, people check payments on their break), an afternoon lull and the day's highest
/// peak in the evening (19:00–21:30, after-work shopping and repayment questions). Weekends start
/// later, have a softer lunch and are lower overall; Monday is the busiest day (weekend backlog), then
/// the week tapers. Volume grows linearly by 1 % of the first week's volume per week. Arrivals are a Poisson process whose rate varies
/// minute by minute, so counts have honest random noise around the pattern.
/// </remarks>
public static class DemoContactHistory
{
    /// <summary>Default average contacts per day in the first week.</summary>
    public const double DefaultContactsPerDay = 600;

    // Bounds keep the output in memory: at most about 10 million timestamps.
    private const int MaxWeeks = 104;
    private const double MaxContactsPerDay = 10_000;
    private const double WeeklyGrowth = 0.01;
    private const double KnuthChunk = 30;

    // Relative rate at each hour of the day (00:00 … 23:00); linearly interpolated between hours.
    private static readonly double[] WeekdayHours =
        [0.22, 0.12, 0.07, 0.05, 0.05, 0.08, 0.18, 0.40, 0.70, 0.92, 1.00, 1.12, 1.45, 1.40, 1.05, 0.95, 0.95, 1.02, 1.25, 1.55, 1.65, 1.45, 0.95, 0.50];

    private static readonly double[] WeekendHours =
        [0.30, 0.18, 0.10, 0.06, 0.05, 0.05, 0.08, 0.18, 0.35, 0.60, 0.85, 1.00, 1.15, 1.15, 1.05, 1.00, 1.00, 1.05, 1.25, 1.50, 1.60, 1.45, 1.05, 0.60];

    // Monday … Sunday.
    private static readonly double[] DayFactors = [1.20, 1.08, 1.03, 1.00, 0.95, 0.78, 0.72];

    /// <summary>Generates contact start times for <paramref name="weeks"/> weeks from <paramref name="start"/>.</summary>
    /// <param name="start">First instant; its offset defines local time of day and day of week. Need not be aligned.</param>
    /// <param name="weeks">Weeks to generate, 1–104.</param>
    /// <param name="seed">Seed for <see cref="Random"/>; the same seed gives the same history.</param>
    /// <param name="contactsPerDay">Average contacts per day at the start (before growth), up to 10,000; default 600.</param>
    /// <returns>Timestamps in ascending order, all in <paramref name="start"/>'s offset.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Weeks outside 1–104 or a volume outside (0, 10,000].</exception>
    public static IReadOnlyList<DateTimeOffset> Generate(DateTimeOffset start, int weeks, int seed, double contactsPerDay = DefaultContactsPerDay)
    {
        if (weeks < 1 || weeks > MaxWeeks)
        {
            throw new ArgumentOutOfRangeException(nameof(weeks), weeks, $"Generate between 1 and {MaxWeeks} weeks.");
        }

        if (!double.IsFinite(contactsPerDay) || contactsPerDay <= 0 || contactsPerDay > MaxContactsPerDay)
        {
            throw new ArgumentOutOfRangeException(
                nameof(contactsPerDay), contactsPerDay, $"Contacts per day must be above 0 and at most {MaxContactsPerDay:N0}.");
        }

        var random = new Random(seed);
        var perMinuteScale = contactsPerDay * 7 / WeekShapeTotal();
        var minutes = weeks * 7 * 24 * 60;
        var expected = contactsPerDay * 7 * weeks * (1 + (WeeklyGrowth * weeks / 2));
        var result = new List<DateTimeOffset>((int)(expected * 1.05));
        var offsets = new List<double>();
        for (var minute = 0; minute < minutes; minute++)
        {
            var at = start.AddMinutes(minute);
            var growth = 1 + (WeeklyGrowth * minute / (7.0 * 24 * 60));
            var count = Poisson(random, perMinuteScale * growth * Shape(at));
            offsets.Clear();
            for (var i = 0; i < count; i++)
            {
                offsets.Add(random.NextDouble());
            }

            offsets.Sort();
            foreach (var fraction in offsets)
            {
                result.Add(at.AddTicks((long)(fraction * TimeSpan.TicksPerMinute)));
            }
        }

        return result;
    }

    /// <summary>Relative arrival rate at a local time (before growth and scaling).</summary>
    private static double Shape(DateTimeOffset at)
    {
        var dayIndex = ((int)at.DayOfWeek + 6) % 7; // Monday = 0
        var hours = dayIndex >= 5 ? WeekendHours : WeekdayHours;
        var position = at.TimeOfDay.TotalHours;
        var hour = (int)position;
        var next = hours[(hour + 1) % 24];
        var value = hours[hour] + ((next - hours[hour]) * (position - hour));
        return value * DayFactors[dayIndex];
    }

    /// <summary>Sum of the per-minute shape over one week, so the scale hits the requested daily average.</summary>
    private static double WeekShapeTotal()
    {
        var monday = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var total = 0.0;
        for (var minute = 0; minute < 7 * 24 * 60; minute++)
        {
            total += Shape(monday.AddMinutes(minute));
        }

        return total;
    }

    /// <summary>
    /// Exact Poisson draw: Knuth's multiplication method on chunks of mean ≤ 30 (a sum of independent
    /// Poissons is Poisson), so e^−λ never underflows however busy the minute.
    /// </summary>
    private static int Poisson(Random random, double mean)
    {
        var count = 0;
        for (var remaining = mean; remaining > 0; remaining -= KnuthChunk)
        {
            var limit = Math.Exp(-Math.Min(remaining, KnuthChunk));
            var product = random.NextDouble();
            while (product > limit)
            {
                count++;
                product *= random.NextDouble();
            }
        }

        return count;
    }
}
