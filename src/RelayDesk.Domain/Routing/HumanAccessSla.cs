namespace RelayDesk.Domain.Routing;

/// <summary>Why a customer did not reach a person in time.</summary>
public enum BreachCause
{
    /// <summary>Nobody with the needed skill and language was on shift.</summary>
    NoSkillOnShift = 0,

    /// <summary>Qualified people were on shift but all at capacity.</summary>
    AllBusy = 1,

    /// <summary>The case was offered, but the offers were not accepted in time.</summary>
    OfferTimeouts = 2,
}

/// <summary>One request for a person, from the moment it was made (assistant time included) to its outcome.</summary>
/// <param name="EmailReplyChosenAt">
/// When the customer chose "keep my place and reply by e-mail" for this request: like a booked callback, an answer the
/// desk offered instead of an open-ended wait.
/// </param>
public sealed record HumanAccessRecord(Guid ConversationId, DateTimeOffset RequestedAt, DateTimeOffset? ConnectedAt, DateTimeOffset? CallbackBookedAt,
    DateTimeOffset? EmailReplyChosenAt = null);

public enum SlaOutcome
{
    Pending = 0,
    Met = 1,
    Breached = 2,
}

/// <summary>
/// The human-access target: a share of requests (default 80 %) is connected to a person within
/// <see cref="ConnectWithin"/> (60 s), or has a callback booked or replies by e-mail chosen within
/// <see cref="CallbackWithin"/> (30 s). Both choices are made on the desk's offer of an alternative to waiting
/// (out of hours, nobody qualified on shift, a long wait), so the customer had a definite answer in time; when the
/// e-mail answer then came is reported separately (<see cref="EmailAnswerTimes"/>), not hidden in the met share.
/// </summary>
public sealed record HumanAccessTarget(double Share, TimeSpan ConnectWithin, TimeSpan CallbackWithin)
{
    public static HumanAccessTarget Default { get; } = new(0.8, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));

    public SlaOutcome Evaluate(HumanAccessRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ConnectedAt is { } connected && connected - record.RequestedAt <= ConnectWithin)
        {
            return SlaOutcome.Met;
        }

        if (record.CallbackBookedAt is { } booked && booked - record.RequestedAt <= CallbackWithin)
        {
            return SlaOutcome.Met;
        }

        if (record.EmailReplyChosenAt is { } chosen && chosen >= record.RequestedAt && chosen - record.RequestedAt <= CallbackWithin)
        {
            return SlaOutcome.Met;
        }

        return now - record.RequestedAt > ConnectWithin || record.ConnectedAt is not null ? SlaOutcome.Breached : SlaOutcome.Pending;
    }

    /// <summary>
    /// The cause of a breach as it stands at the deadline: nobody qualified on shift, or offers that ran out, or
    /// everyone busy.
    /// </summary>
    public static BreachCause CauseOf(int qualifiedOnShift, int offerTimeouts) =>
        qualifiedOnShift == 0 ? BreachCause.NoSkillOnShift
        : offerTimeouts > 0 ? BreachCause.OfferTimeouts
        : BreachCause.AllBusy;

    /// <summary>
    /// The e-mail side of the requests: <paramref name="firstEmailedAnswer"/> gives, per request that chose replies by
    /// e-mail, when the first answer of a person went into the e-mail outbox for it (null while none has).
    /// </summary>
    public static EmailAnswerFigures EmailAnswerTimes(IEnumerable<HumanAccessRecord> records, Func<HumanAccessRecord, DateTimeOffset?> firstEmailedAnswer)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(firstEmailedAnswer);
        var chosen = records.Where(r => r.EmailReplyChosenAt is not null).ToList();
        var times = chosen.Select(r => firstEmailedAnswer(r) is { } answered ? answered - r.RequestedAt : (TimeSpan?)null)
            .OfType<TimeSpan>().Order().ToList();
        TimeSpan? median = times.Count == 0 ? null
            : times.Count % 2 == 1 ? times[times.Count / 2]
            : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        return new EmailAnswerFigures(chosen.Count, times.Count, median);
    }

    public SlaFigures Figures(IEnumerable<HumanAccessRecord> records, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        int met = 0, breached = 0, pending = 0;
        foreach (var record in records)
        {
            switch (Evaluate(record, now))
            {
                case SlaOutcome.Met: met++; break;
                case SlaOutcome.Breached: breached++; break;
                default: pending++; break;
            }
        }

        var decided = met + breached;
        return new SlaFigures(met + breached + pending, met, breached, pending, decided == 0 ? null : (double)met / decided, Share, Share <= (decided == 0 ? 1 : (double)met / decided));
    }
}

/// <summary>
/// How replies by e-mail went: requests where the customer chose them, how many got a person's answer by e-mail, and
/// the median time from the request for a person to that first e-mailed answer.
/// </summary>
public sealed record EmailAnswerFigures(int Chosen, int Answered, TimeSpan? MedianAnswerTime);

/// <param name="MetShare">Met ÷ decided (pending ones are not counted yet); null before the first decided request.</param>
/// <param name="OnTarget">Whether the met share reaches the target share.</param>
public sealed record SlaFigures(int Requests, int Met, int Breached, int Pending, double? MetShare, double TargetShare, bool OnTarget);
