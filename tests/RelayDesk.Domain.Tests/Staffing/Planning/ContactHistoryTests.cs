using System;
using System.Linq;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class ContactHistoryTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private static readonly DateTimeOffset From = new(2025, 1, 6, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Each_contact_is_counted_in_its_interval_whatever_offset_it_carries()
    {
        DateTimeOffset[] starts =
        [
            From,                                          // 09:00+02 → interval 0
            new(2025, 1, 6, 7, 29, 59, TimeSpan.Zero),     // 09:29:59+02 → interval 0
            new(2025, 1, 6, 2, 30, 0, TimeSpan.FromHours(-5)), // 07:30Z = 09:30+02 → interval 1
            From.AddMinutes(95),                           // 10:35 → interval 3
        ];

        var series = ContactHistory.Bucket(starts, HalfHour, From, From.AddHours(2));

        Assert.Equal(new double[] { 2, 1, 0, 1 }, series.Values);
        Assert.Equal(From, series.Start);
        Assert.Equal(TimeSpan.FromHours(2), series.Start.Offset);
        Assert.Equal(From.AddMinutes(90), series.StartOf(3));
    }

    [Fact]
    public void Contacts_outside_the_window_are_ignored_and_the_end_is_exclusive()
    {
        DateTimeOffset[] starts = [From.AddTicks(-1), From.AddHours(1), From.AddMinutes(59)];

        var series = ContactHistory.Bucket(starts, HalfHour, From, From.AddHours(1));

        Assert.Equal(new double[] { 0, 1 }, series.Values);
    }

    [Fact]
    public void Quarter_hours_are_supported()
    {
        var series = ContactHistory.Bucket([From.AddMinutes(16)], TimeSpan.FromMinutes(15), From, From.AddHours(1));

        Assert.Equal(new double[] { 0, 1, 0, 0 }, series.Values);
        Assert.Equal(96, series.IntervalsPerDay);
        Assert.Equal(672, series.IntervalsPerWeek);
    }

    [Fact]
    public void A_window_start_off_the_interval_grid_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ContactHistory.Bucket([], HalfHour, From.AddMinutes(10), From.AddHours(1)));

        Assert.Equal("from", error.ParamName);
        Assert.Contains("not aligned", error.Message);
    }

    [Fact]
    public void A_window_that_is_not_whole_intervals_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ContactHistory.Bucket([], HalfHour, From, From.AddMinutes(45)));

        Assert.Equal("to", error.ParamName);
    }

    [Fact]
    public void An_empty_or_reversed_window_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => ContactHistory.Bucket([], HalfHour, From, From));
        Assert.Throws<ArgumentException>(() => ContactHistory.Bucket([], HalfHour, From, From.AddHours(-1)));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(90)]
    [InlineData(0)]
    public void Intervals_that_do_not_divide_a_day_into_whole_minutes_are_rejected(int minutes)
    {
        var error = Assert.Throws<ArgumentException>(() => ContactHistory.Bucket([], TimeSpan.FromMinutes(minutes), From, From.AddDays(1)));

        Assert.Equal("interval", error.ParamName);
        Assert.Contains("15 or 30", error.Message);
    }

    [Fact]
    public void A_decade_long_window_is_rejected_before_allocating()
    {
        Assert.Throws<ArgumentException>(() => ContactHistory.Bucket([], HalfHour, From, From.AddYears(20)));
    }

    [Fact]
    public void Null_timestamps_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => ContactHistory.Bucket(null!, HalfHour, From, From.AddHours(1)));
    }

    [Fact]
    public void A_series_rejects_negative_counts_and_copies_its_input()
    {
        double[] values = [1, 2];
        var series = new IntervalSeries(From, HalfHour, values);
        values[0] = 99;

        Assert.Equal(1, series[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntervalSeries(From, HalfHour, [1, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntervalSeries(From, HalfHour, [double.NaN]));
    }

    [Fact]
    public void Slicing_keeps_the_grid()
    {
        var series = new IntervalSeries(From, HalfHour, Enumerable.Range(0, 10).Select(i => (double)i));

        var slice = series.Slice(4, 3);

        Assert.Equal(From.AddHours(2), slice.Start);
        Assert.Equal(new double[] { 4, 5, 6 }, slice.Values);
        Assert.Equal(From.AddHours(3.5), slice.End);
        Assert.Throws<ArgumentOutOfRangeException>(() => series.Slice(8, 3));
    }
}
