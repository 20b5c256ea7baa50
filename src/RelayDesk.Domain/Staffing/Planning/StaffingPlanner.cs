namespace RelayDesk.Domain.Staffing;

/// <summary>What a planner chooses; defaults are RelayDesk's chat desk.</summary>
public sealed record StaffingPlannerSettings
{
    /// <summary>Interval length. Default 30 minutes.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Default 80 % of human requests connected within 60 s.</summary>
    public StaffingTarget Target { get; init; } = new(0.8, 60);

    public WhatIf WhatIf { get; init; } = WhatIf.None;

    /// <summary>Average handling time of a human chat. Default 420 s, replaced by the measured value where history has it.</summary>
    public double AverageHandleTimeSeconds { get; init; } = 420;

    /// <summary>Chats an agent handles at once. Default 2.</summary>
    public int ConcurrentChatsPerAgent { get; init; } = 2;

    /// <summary>Share of paid time not spent on chats (breaks, training, meetings). Default 30 %.</summary>
    public double Shrinkage { get; init; } = 0.3;

    /// <summary>Mean patience of a waiting customer; when set, Erlang A (with abandonment) replaces Erlang C.</summary>
    public double? MeanPatienceSeconds { get; init; }

    /// <summary>Highest occupancy planned for. Default 85 %: above it, people burn out and waits explode.</summary>
    public double? MaxOccupancy { get; init; } = 0.85;

    /// <summary>How much history the forecast learns from. Default 8 weeks.</summary>
    public int HistoryWeeks { get; init; } = 8;

    /// <summary>Agents on the roster for each interval of the forecast (optional).</summary>
    public Func<IntervalSeries, IReadOnlyList<int>>? Roster { get; init; }
}

/// <summary>A plan with how it was made: the forecast method, its backtest error, and the measured escalation rate.</summary>
public sealed record StaffingPlanOutcome(
    StaffingPlanResult Plan,
    VolumeForecastResult Forecast,
    ForecastBacktest? Backtest,
    double EscalationRate,
    int ConversationsInHistory,
    int HumanRequestsInHistory);

/// <summary>
/// From conversation history to a staffing plan for the next week: buckets the conversations, forecasts them with daily
/// and weekly seasonality, applies the measured share that needs a person (and any what-if), and sizes each interval
/// with Erlang C (or Erlang A with patience).
/// </summary>
public static class StaffingPlanner
{
    public static StaffingPlanOutcome Plan(
        IReadOnlyCollection<DateTimeOffset> conversationStarts,
        IReadOnlyCollection<DateTimeOffset> humanRequests,
        DateTimeOffset now,
        StaffingPlannerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(conversationStarts);
        ArgumentNullException.ThrowIfNull(humanRequests);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.HistoryWeeks is < 1 or > 104)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.HistoryWeeks, "HistoryWeeks must be between 1 and 104.");
        }

        var end = Floor(now, settings.Interval);
        var from = end.AddDays(-7 * settings.HistoryWeeks);
        var starts = conversationStarts.Where(t => t >= from && t < end).ToList();
        if (starts.Count == 0)
        {
            throw new ArgumentException(
                $"There is no conversation history between {from:yyyy-MM-dd} and {end:yyyy-MM-dd}: a forecast needs at least two days of it.",
                nameof(conversationStarts));
        }

        var humans = humanRequests.Count(t => t >= from && t < end);
        var history = ContactHistory.Bucket(starts, settings.Interval, from, end);
        var forecast = VolumeForecast.Forecast(history, history.IntervalsPerWeek);
        var backtest = settings.HistoryWeeks >= 3 ? VolumeForecast.Backtest(history, holdoutWeeks: 1) : null;
        var escalationRate = Math.Clamp((double)humans / starts.Count, 0, 1);

        var plan = StaffingPlan.Create(new StaffingPlanRequest(forecast.Forecast, settings.AverageHandleTimeSeconds, settings.Target)
        {
            HumanShare = escalationRate,
            WhatIf = settings.WhatIf,
            MeanPatienceSeconds = settings.MeanPatienceSeconds,
            ConcurrentChatsPerAgent = settings.ConcurrentChatsPerAgent,
            MaxOccupancy = settings.MaxOccupancy,
            Shrinkage = settings.Shrinkage,
            RosteredAgents = settings.Roster?.Invoke(forecast.Forecast),
        });
        return new StaffingPlanOutcome(plan, forecast, backtest, escalationRate, starts.Count, humans);
    }

    /// <summary>
    /// A simple roster: <paramref name="agents"/> people on shift during opening hours (local time of
    /// <paramref name="timeZone"/>), nobody outside them.
    /// </summary>
    public static IReadOnlyList<int> OpeningHoursRoster(DateTimeOffset start, int intervals, TimeSpan interval, int agents,
        TimeZoneInfo timeZone, TimeSpan opens, TimeSpan closes, IReadOnlySet<DayOfWeek> days)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        var roster = new int[intervals];
        for (var i = 0; i < intervals; i++)
        {
            var local = TimeZoneInfo.ConvertTime(start + (interval * i), timeZone);
            roster[i] = days.Contains(local.DayOfWeek) && local.TimeOfDay >= opens && local.TimeOfDay < closes ? agents : 0;
        }

        return roster;
    }

    /// <summary>The start of the interval that contains <paramref name="time"/> (UTC).</summary>
    public static DateTimeOffset Floor(DateTimeOffset time, TimeSpan interval)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % interval.Ticks), TimeSpan.Zero);
    }
}
