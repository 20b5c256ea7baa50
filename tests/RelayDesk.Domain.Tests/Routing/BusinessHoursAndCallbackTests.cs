using RelayDesk.Domain.Routing;

namespace RelayDesk.Domain.Tests.Routing;

public class BusinessHoursAndCallbackTests
{
    private static readonly BusinessHours Hours = BusinessHours.Demo;

    // Wednesday 2026-11-25: Berlin is UTC+1 in winter, so 08:00–20:00 local is 07:00–19:00 UTC.
    private static readonly DateTimeOffset WednesdayNoonUtc = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsOpen_FollowsTheTeamsTimeZone()
    {
        Assert.True(Hours.IsOpen(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero)));
        Assert.False(Hours.IsOpen(new DateTimeOffset(2026, 11, 25, 6, 59, 0, TimeSpan.Zero)));
        Assert.False(Hours.IsOpen(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void NextOpen_OnSundayEvening_IsMondayMorning()
    {
        var sunday = new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), Hours.NextOpen(sunday));
    }

    [Fact]
    public void NextOpen_SkipsHolidays()
    {
        var christmasEveNight = new DateTimeOffset(2026, 12, 24, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 7, 0, 0, TimeSpan.Zero), Hours.NextOpen(christmasEveNight));
    }

    [Fact]
    public void Slots_StartAfterTheLeadTime_AlignedAndWithinHours()
    {
        var slots = CallbackPlanner.Default.Slots(Hours, WednesdayNoonUtc.AddMinutes(5), new Dictionary<DateTimeOffset, int>(), 3);

        Assert.Equal([WednesdayNoonUtc.AddMinutes(30), WednesdayNoonUtc.AddMinutes(60), WednesdayNoonUtc.AddMinutes(90)], slots.Select(s => s.Start));
        Assert.All(slots, s => Assert.Equal(2, s.Remaining));
    }

    [Fact]
    public void Slots_OutOfHours_AreInTheNextBusinessHours()
    {
        var saturdayNight = new DateTimeOffset(2026, 11, 28, 21, 0, 0, TimeSpan.Zero);
        var first = CallbackPlanner.Default.Slots(Hours, saturdayNight, new Dictionary<DateTimeOffset, int>())[0];

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero), first.Start);
    }

    [Fact]
    public void Slots_LeaveOutFullSlots_AndCountWhatIsLeft()
    {
        var booked = new Dictionary<DateTimeOffset, int> { [WednesdayNoonUtc.AddMinutes(30)] = 2, [WednesdayNoonUtc.AddMinutes(60)] = 1 };
        var slots = CallbackPlanner.Default.Slots(Hours, WednesdayNoonUtc, booked, 2);

        Assert.Equal([(WednesdayNoonUtc.AddMinutes(60), 1), (WednesdayNoonUtc.AddMinutes(90), 2)], slots.Select(s => (s.Start, s.Remaining)));
        Assert.False(CallbackPlanner.Default.IsBookable(Hours, WednesdayNoonUtc, booked, WednesdayNoonUtc.AddMinutes(30)));
        Assert.False(CallbackPlanner.Default.IsBookable(Hours, WednesdayNoonUtc, booked, WednesdayNoonUtc.AddMinutes(65)));
        Assert.True(CallbackPlanner.Default.IsBookable(Hours, WednesdayNoonUtc, booked, WednesdayNoonUtc.AddMinutes(60)));
    }
}
