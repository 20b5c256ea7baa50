using RelayDesk.Domain.Staffing;

namespace RelayDesk.Domain.Routing;

/// <summary>When a team is on shift: opening hours on given weekdays in the team's time zone, closed on holidays.</summary>
public sealed record BusinessHours(TimeZoneInfo TimeZone, TimeSpan Opens, TimeSpan Closes, IReadOnlySet<DayOfWeek> Days, IReadOnlySet<DateOnly> Holidays)
{
    /// <summary>The demo desk's hours (<see cref="OpeningHours.Demo"/>: Mon–Sat 08–20 Europe/Berlin) and German public holidays at year end.</summary>
    public static BusinessHours Demo { get; } = From(OpeningHours.Demo,
        [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26), new DateOnly(2027, 1, 1)]);

    /// <summary>A desk staffed around the clock, every day.</summary>
    public static BusinessHours AlwaysOpen { get; } = new(TimeZoneInfo.Utc, TimeSpan.Zero, TimeSpan.FromDays(1),
        Enum.GetValues<DayOfWeek>().ToHashSet(), new HashSet<DateOnly>());

    public static BusinessHours From(OpeningHours hours, IEnumerable<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return new BusinessHours(hours.TimeZone, hours.Opens, hours.Closes, hours.Days, holidays.ToHashSet());
    }

    public bool IsOpen(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        return IsOpenDay(DateOnly.FromDateTime(local.DateTime)) && local.TimeOfDay >= Opens && local.TimeOfDay < Closes;
    }

    /// <summary>The instant the team is next on shift (<paramref name="instant"/> itself when open); null when never within a year.</summary>
    public DateTimeOffset? NextOpen(DateTimeOffset instant)
    {
        if (IsOpen(instant))
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i < 366; i++, day = day.AddDays(1))
        {
            if (!IsOpenDay(day))
            {
                continue;
            }

            var opening = ToInstant(day, Opens);
            if (opening > instant)
            {
                return opening;
            }
        }

        return null;
    }

    /// <summary>The open periods (start, end) from <paramref name="from"/> on, for the next <paramref name="days"/> days.</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> OpenPeriods(DateTimeOffset from, int days)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, TimeZone).DateTime);
        for (var i = 0; i < days; i++, day = day.AddDays(1))
        {
            if (!IsOpenDay(day))
            {
                continue;
            }

            var start = ToInstant(day, Opens);
            var end = ToInstant(day, Closes);
            if (end > from)
            {
                yield return (start < from ? from : start, end);
            }
        }
    }

    private bool IsOpenDay(DateOnly day) => Days.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    private DateTimeOffset ToInstant(DateOnly day, TimeSpan timeOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue) + timeOfDay;
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>A team of agents with its own business hours (e.g. the German desk, the English desk).</summary>
public sealed record Team(string Id, string Name, BusinessHours Hours);
