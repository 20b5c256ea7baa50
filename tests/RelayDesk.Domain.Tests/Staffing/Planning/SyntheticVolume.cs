using System;
using RelayDesk.Domain.Staffing;

namespace RelayDesk.Domain.Tests.Staffing;

/// <summary>
/// Contact volume with a known shape: a day-of-week factor × a two-peak time-of-day curve × a
/// linear trend, optionally with Poisson noise from a seeded <see cref="Random"/>.
/// </summary>
internal static class SyntheticVolume
{
    public static readonly DateTimeOffset Monday = new(2025, 1, 6, 0, 0, 0, TimeSpan.FromHours(1));

    private static readonly double[] DayFactors = [1.2, 1.1, 1.05, 1.0, 0.95, 0.7, 0.6];

    /// <summary>Expected contacts for interval t (counted from <see cref="Monday"/>).</summary>
    public static double Mean(int t, int perDay, double baseLevel = 100, double growthPerWeek = 0.02)
    {
        var day = t / perDay % 7;
        var hour = t % perDay * 24.0 / perDay;
        var shape = 0.1
            + Math.Exp(-Math.Pow((hour - 12.5) / 1.5, 2))
            + (1.3 * Math.Exp(-Math.Pow((hour - 20) / 2, 2)))
            + (0.5 * Math.Exp(-Math.Pow((hour - 16) / 3, 2)));
        return baseLevel * (1 + (growthPerWeek * t / (7.0 * perDay))) * DayFactors[day] * shape;
    }

    /// <summary>Means for intervals [first, first + count).</summary>
    public static double[] Means(int first, int count, int perDay)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Mean(first + i, perDay);
        }

        return values;
    }

    /// <summary>A history of whole weeks starting on <see cref="Monday"/>; noise-free when <paramref name="seed"/> is null.</summary>
    public static IntervalSeries History(int weeks, TimeSpan interval, int? seed = null)
    {
        var perDay = (int)(TimeSpan.FromDays(1) / interval);
        var values = Means(0, weeks * 7 * perDay, perDay);
        if (seed is { } s)
        {
            var random = new Random(s);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Poisson(random, values[i]);
            }
        }

        return new IntervalSeries(Monday, interval, values);
    }

    private static int Poisson(Random random, double mean)
    {
        var count = 0;
        for (var remaining = mean; remaining > 0; remaining -= 30)
        {
            var limit = Math.Exp(-Math.Min(remaining, 30));
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
