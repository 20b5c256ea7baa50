using System;
using System.Linq;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class StaffingPlanTests
{
    private const int Week = 336;
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private static readonly StaffingTarget EightyTwenty = StaffingTarget.Parse("80/20");

    private static IntervalSeries Forecast(Func<int, double> contacts, int weeks = 1) =>
        new(SyntheticVolume.Monday, HalfHour, Enumerable.Range(0, weeks * Week).Select(contacts));

    private static IntervalSeries WeeklyPattern(int weeks = 1) => Forecast(t => SyntheticVolume.Mean(t, 48), weeks);

    [Fact]
    public void Zero_demand_needs_zero_agents()
    {
        var request = new StaffingPlanRequest(Forecast(_ => 0), 300, EightyTwenty) { Shrinkage = 0.3 };

        var plan = StaffingPlan.Create(request);

        Assert.All(plan.Rows, row => Assert.Equal(0, row.RequiredAgents));
        Assert.All(plan.Rows, row => Assert.Equal(0, row.ScheduledAgents));
        Assert.Equal(0, plan.WeeklyFte);
        Assert.Equal(0, plan.HiringNeed);
        Assert.Equal(0, plan.PeakRequiredAgents);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(null, 3)]
    [InlineData(90.0, 1)]
    [InlineData(90.0, 2)]
    public void Doubling_volume_never_reduces_required_agents(double? patience, int concurrency)
    {
        var request = new StaffingPlanRequest(WeeklyPattern(), 360, EightyTwenty)
        {
            HumanShare = 0.4,
            MeanPatienceSeconds = patience,
            ConcurrentChatsPerAgent = concurrency,
            MaxOccupancy = 0.9,
        };

        var single = StaffingPlan.Create(request);
        var doubled = StaffingPlan.Create(request with { WhatIf = WhatIf.Parse("volume=2") });

        for (var i = 0; i < Week; i++)
        {
            Assert.True(doubled.Rows[i].RequiredAgents >= single.Rows[i].RequiredAgents, $"interval {i}");
        }

        Assert.True(doubled.WeeklyFte > single.WeeklyFte);
        Assert.True(doubled.PeakRequiredAgents > single.PeakRequiredAgents);
    }

    [Fact]
    public void Containment_minus_ten_adds_exactly_ten_points_of_forecast_contacts_as_human_contacts()
    {
        var request = new StaffingPlanRequest(WeeklyPattern(), 360, EightyTwenty) { HumanShare = 0.3 };

        var baseline = StaffingPlan.Create(request);
        var worse = StaffingPlan.Create(request with { WhatIf = WhatIf.Parse("containment=-10") });

        Assert.Equal(0.4, worse.EffectiveHumanShare, 12);
        for (var i = 0; i < Week; i++)
        {
            Assert.Equal(baseline.Rows[i].HumanContacts + (0.10 * baseline.Rows[i].ForecastContacts), worse.Rows[i].HumanContacts, 9);
            Assert.Equal(0.4 * baseline.Rows[i].ForecastContacts, worse.Rows[i].HumanContacts, 9);
        }
    }

    [Fact]
    public void Containment_and_volume_combine_multiplicatively()
    {
        var request = new StaffingPlanRequest(Forecast(_ => 50), 360, EightyTwenty)
        {
            HumanShare = 0.3,
            WhatIf = WhatIf.Parse("containment=-10, volume=1.2"),
        };

        var plan = StaffingPlan.Create(request);

        Assert.All(plan.Rows, row => Assert.Equal(50 * 1.2 * 0.4, row.HumanContacts, 9));
    }

    [Fact]
    public void Shrinkage_and_fte_follow_the_hand_computed_example()
    {
        // 100 half hours with 1 chat of 60 s (A = 1/30 erlang): one agent answers 80 % in 20 s easily,
        // so each needs exactly 1 agent. With 20 % shrinkage: 1 / 0.8 = 1.25 scheduled.
        // Agent-hours = 100 × 1.25 × 0.5 h = 62.5 → 62.5 / 40 = 1.5625 FTE.
        var request = new StaffingPlanRequest(Forecast(t => t < 100 ? 1 : 0), 60, EightyTwenty) { Shrinkage = 0.2 };

        var plan = StaffingPlan.Create(request);

        Assert.All(plan.Rows.Take(100), row => Assert.Equal(1, row.RequiredAgents));
        Assert.All(plan.Rows.Take(100), row => Assert.Equal(1.25, row.ScheduledAgents, 12));
        Assert.All(plan.Rows.Skip(100), row => Assert.Equal(0, row.ScheduledAgents));
        Assert.Equal(1.5625, plan.WeeklyFte, 12);
        Assert.Equal(2, plan.HiringNeed); // ⌈1.5625⌉ with nobody employed
        Assert.Equal(1, plan.PeakRequiredAgents);
        Assert.Null(plan.CurrentFte);
        Assert.Null(plan.ShortIntervals);
    }

    [Fact]
    public void Contract_hours_change_the_fte_but_not_the_agents()
    {
        var request = new StaffingPlanRequest(Forecast(t => t < 100 ? 1 : 0), 60, EightyTwenty) { Shrinkage = 0.2, HoursPerFteWeek = 25 };

        Assert.Equal(62.5 / 25, StaffingPlan.Create(request).WeeklyFte, 12);
    }

    [Fact]
    public void A_roster_that_covers_the_requirement_needs_no_hiring()
    {
        // 2 people in each of the first 100 half hours = 100 agent-hours = 2.5 FTE ≥ 1.5625 required.
        var roster = Enumerable.Range(0, Week).Select(t => t < 100 ? 2 : 0).ToArray();
        var request = new StaffingPlanRequest(Forecast(t => t < 100 ? 1 : 0), 60, EightyTwenty) { Shrinkage = 0.2, RosteredAgents = roster };

        var plan = StaffingPlan.Create(request);

        Assert.Equal(2.5, plan.CurrentFte!.Value, 12);
        Assert.Equal(0, plan.HiringNeed);
        Assert.All(plan.Rows.Take(100), row => Assert.Equal(0.75, row.Gap!.Value, 12));
        Assert.Equal(0, plan.ShortIntervals);
    }

    [Fact]
    public void A_thin_roster_shows_gaps_and_a_rounded_up_hiring_need()
    {
        // 1 person in 40 half hours = 20 agent-hours = 0.5 FTE; need ⌈1.5625 − 0.5⌉ = ⌈1.0625⌉ = 2.
        var roster = Enumerable.Range(0, Week).Select(t => t < 40 ? 1 : 0).ToArray();
        var request = new StaffingPlanRequest(Forecast(t => t < 100 ? 1 : 0), 60, EightyTwenty) { Shrinkage = 0.2, RosteredAgents = roster };

        var plan = StaffingPlan.Create(request);

        Assert.Equal(0.5, plan.CurrentFte!.Value, 12);
        Assert.Equal(2, plan.HiringNeed);
        Assert.Equal(-0.25, plan.Rows[0].Gap!.Value, 12);
        Assert.Equal(-1.25, plan.Rows[50].Gap!.Value, 12);
        Assert.Equal(0, plan.Rows[200].Gap!.Value, 12);
        Assert.Equal(100, plan.ShortIntervals);
    }

    [Fact]
    public void A_stated_current_fte_overrides_the_roster()
    {
        var roster = new int[Week];
        var request = new StaffingPlanRequest(Forecast(t => t < 100 ? 1 : 0), 60, EightyTwenty) { Shrinkage = 0.2, RosteredAgents = roster, CurrentFte = 1 };

        var plan = StaffingPlan.Create(request);

        Assert.Equal(1, plan.CurrentFte);
        Assert.Equal(1, plan.HiringNeed); // ⌈0.5625⌉
    }

    [Fact]
    public void Required_agents_are_erlang_c_per_interval()
    {
        var forecast = WeeklyPattern();
        var request = new StaffingPlanRequest(forecast, 360, EightyTwenty) { HumanShare = 0.5, MaxOccupancy = 0.85 };

        var plan = StaffingPlan.Create(request);

        for (var i = 0; i < Week; i++)
        {
            var load = ContactLoad.PerInterval(forecast[i] * 0.5, 1800, 360);
            Assert.Equal(ErlangC.RequiredAgents(load, 0.8, 20, 0.85), plan.Rows[i].RequiredAgents);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void With_patience_required_agents_match_erlang_a_per_interval(int concurrency)
    {
        var forecast = WeeklyPattern();
        var request = new StaffingPlanRequest(forecast, 360, EightyTwenty)
        {
            MeanPatienceSeconds = 60,
            ConcurrentChatsPerAgent = concurrency,
            MaxOccupancy = 0.9,
        };

        var plan = StaffingPlan.Create(request);

        for (var i = 0; i < Week; i += 3)
        {
            var load = ContactLoad.PerInterval(forecast[i], 1800, 360);
            var slots = ErlangA.RequiredAgents(load, 60, 0.8, 20, 0.9);
            Assert.Equal((slots + concurrency - 1) / concurrency, plan.Rows[i].RequiredAgents);
        }
    }

    [Fact]
    public void Over_several_weeks_the_weekly_fte_is_the_busiest_week()
    {
        var request = new StaffingPlanRequest(WeeklyPattern(weeks: 3), 360, EightyTwenty) { Shrinkage = 0.3 };

        var plan = StaffingPlan.Create(request);

        Assert.Equal(3, plan.FteByWeek.Count);
        Assert.True(plan.FteByWeek[2] > plan.FteByWeek[0]); // the synthetic volume grows
        Assert.Equal(plan.FteByWeek.Max(), plan.WeeklyFte);
    }

    [Fact]
    public void Rows_carry_the_forecast_interval_starts()
    {
        var forecast = WeeklyPattern();

        var plan = StaffingPlan.Create(new StaffingPlanRequest(forecast, 360, EightyTwenty));

        Assert.Equal(forecast.Start, plan.Rows[0].IntervalStart);
        Assert.Equal(forecast.StartOf(335), plan.Rows[335].IntervalStart);
        Assert.Equal(HalfHour, plan.Interval);
    }

    [Fact]
    public void A_forecast_that_is_not_whole_weeks_is_rejected()
    {
        var forecast = new IntervalSeries(SyntheticVolume.Monday, HalfHour, new double[100]);

        var error = Assert.Throws<ArgumentException>(() => StaffingPlan.Create(new StaffingPlanRequest(forecast, 360, EightyTwenty)));

        Assert.Equal("Forecast", error.ParamName);
        Assert.Contains("whole weeks", error.Message);
    }

    [Fact]
    public void A_containment_change_beyond_all_conversations_is_rejected()
    {
        var request = new StaffingPlanRequest(WeeklyPattern(), 360, EightyTwenty) { HumanShare = 0.95, WhatIf = WhatIf.Parse("containment=-10") };

        var error = Assert.Throws<ArgumentException>(() => StaffingPlan.Create(request));

        Assert.Equal("WhatIf", error.ParamName);
        Assert.Contains("outside 0–100 %", error.Message);
    }

    [Fact]
    public void A_roster_of_the_wrong_length_is_rejected()
    {
        var request = new StaffingPlanRequest(WeeklyPattern(), 360, EightyTwenty) { RosteredAgents = new int[10] };

        var error = Assert.Throws<ArgumentException>(() => StaffingPlan.Create(request));

        Assert.Equal("RosteredAgents", error.ParamName);
    }

    [Fact]
    public void Settings_outside_their_ranges_are_rejected_naming_the_setting()
    {
        var request = new StaffingPlanRequest(WeeklyPattern(), 360, EightyTwenty);

        Assert.Equal("Shrinkage", Assert.Throws<ArgumentOutOfRangeException>(() => StaffingPlan.Create(request with { Shrinkage = 1 })).ParamName);
        Assert.Equal("HumanShare", Assert.Throws<ArgumentOutOfRangeException>(() => StaffingPlan.Create(request with { HumanShare = 1.5 })).ParamName);
        Assert.Equal("AverageHandleTimeSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => StaffingPlan.Create(request with { AverageHandleTimeSeconds = 0 })).ParamName);
        Assert.Equal("ConcurrentChatsPerAgent", Assert.Throws<ArgumentOutOfRangeException>(() => StaffingPlan.Create(request with { ConcurrentChatsPerAgent = 0 })).ParamName);
        Assert.Equal("MeanPatienceSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => StaffingPlan.Create(request with { MeanPatienceSeconds = -1 })).ParamName);
        Assert.Equal("MaxOccupancy", Assert.Throws<ArgumentOutOfRangeException>(() => StaffingPlan.Create(request with { MaxOccupancy = 0 })).ParamName);
        Assert.Equal("CurrentFte", Assert.Throws<ArgumentOutOfRangeException>(() => StaffingPlan.Create(request with { CurrentFte = -1 })).ParamName);
        Assert.Equal("RosteredAgents", Assert.Throws<ArgumentOutOfRangeException>(() => StaffingPlan.Create(request with { RosteredAgents = Enumerable.Repeat(-1, Week).ToArray() })).ParamName);
        Assert.Throws<ArgumentNullException>(() => StaffingPlan.Create(null!));
        Assert.Throws<ArgumentNullException>(() => StaffingPlan.Create(request with { Target = null! }));
    }

    [Fact]
    public void A_forecast_from_history_plans_end_to_end()
    {
        var history = SyntheticVolume.History(weeks: 6, HalfHour, seed: 9);
        var forecast = VolumeForecast.Forecast(history, Week).Forecast;

        var plan = StaffingPlan.Create(new StaffingPlanRequest(forecast, 420, StaffingTarget.Parse("80/60"))
        {
            HumanShare = 0.35,
            ConcurrentChatsPerAgent = 2,
            Shrinkage = 0.3,
            MaxOccupancy = 0.85,
        });

        Assert.Equal(Week, plan.Rows.Count);
        Assert.True(plan.WeeklyFte > 0);
        Assert.Equal((int)Math.Ceiling(plan.WeeklyFte), plan.HiringNeed);
    }
}
