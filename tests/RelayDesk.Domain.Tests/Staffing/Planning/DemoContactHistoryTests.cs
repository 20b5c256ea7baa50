using System;
using System.Linq;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class DemoContactHistoryTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 0, 0, 0, TimeSpan.FromHours(1));

    private static readonly Lazy<IntervalSeries> FourWeeks = new(() =>
        ContactHistory.Bucket(DemoContactHistory.Generate(Monday, 4, seed: 1), TimeSpan.FromHours(1), Monday, Monday.AddDays(28)));

    [Fact]
    public void The_same_seed_gives_the_same_history_and_another_seed_a_different_one()
    {
        var first = DemoContactHistory.Generate(Monday, 1, seed: 5);
        var again = DemoContactHistory.Generate(Monday, 1, seed: 5);
        var other = DemoContactHistory.Generate(Monday, 1, seed: 6);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Timestamps_are_ordered_inside_the_weeks_and_in_the_start_offset()
    {
        var contacts = DemoContactHistory.Generate(Monday, 2, seed: 3);

        Assert.True(contacts.Zip(contacts.Skip(1)).All(pair => pair.First <= pair.Second));
        Assert.All(contacts, c => Assert.Equal(Monday.Offset, c.Offset));
        Assert.True(contacts[0] >= Monday);
        Assert.True(contacts[^1] < Monday.AddDays(14));
    }

    [Fact]
    public void Volume_averages_the_requested_contacts_per_day_in_the_first_week()
    {
        var contacts = DemoContactHistory.Generate(Monday, 1, seed: 8, contactsPerDay: 1000);

        // 7,000 expected plus up to 1 % growth inside the week; Poisson noise is about ±84.
        Assert.InRange(contacts.Count, 6750, 7350);
    }

    [Fact]
    public void Lunch_and_evening_are_peaks_and_the_small_hours_are_quiet()
    {
        var byHour = Enumerable.Range(0, 24).Select(h => HourOfDayTotal(h)).ToArray();

        Assert.True(byHour[12] > byHour[10] && byHour[12] > byHour[15], "lunch peak");
        Assert.True(byHour[20] > byHour[12], "evening is the highest peak");
        Assert.True(byHour[4] < byHour[20] / 10, "nights are quiet");
    }

    [Fact]
    public void Monday_is_busiest_and_the_weekend_is_lowest()
    {
        var byDay = Enumerable.Range(0, 7).Select(d => Enumerable.Range(0, 4).Sum(w => DayTotal((w * 7) + d))).ToArray();

        Assert.Equal(0, Array.IndexOf(byDay, byDay.Max()));
        Assert.True(byDay[5] < byDay[4] && byDay[6] < byDay[4], "weekend lower than Friday");
    }

    [Fact]
    public void Volume_grows_slightly_week_on_week()
    {
        var contacts = DemoContactHistory.Generate(Monday, 13, seed: 2);
        var firstWeek = contacts.Count(c => c < Monday.AddDays(7));
        var lastWeek = contacts.Count(c => c >= Monday.AddDays(84));

        Assert.InRange(lastWeek / (double)firstWeek, 1.06, 1.18); // 1 % a week over 12 weeks ≈ 1.12
    }

    [Theory]
    [InlineData(0, 600.0)]
    [InlineData(105, 600.0)]
    [InlineData(1, 0.0)]
    [InlineData(1, 20_000.0)]
    [InlineData(1, double.NaN)]
    public void Out_of_range_arguments_are_rejected(int weeks, double perDay)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoContactHistory.Generate(Monday, weeks, 1, perDay));
    }

    private static double HourOfDayTotal(int hour) =>
        Enumerable.Range(0, 28).Where(d => d % 7 < 5).Sum(d => FourWeeks.Value[(d * 24) + hour]);

    private static double DayTotal(int day) => Enumerable.Range(0, 24).Sum(h => FourWeeks.Value[(day * 24) + h]);
}
