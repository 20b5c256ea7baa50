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
public sealed record HumanAccessRecord(Guid ConversationId, DateTimeOffset RequestedAt, DateTimeOffset? ConnectedAt, DateTimeOffset? CallbackBookedAt);

public enum SlaOutcome
{
    Pending = 0,
    Met = 1,
    Breached = 2,
}

/// <summary>
/// The human-access target: a share of requests (default 80 %) is connected to a person within
/// <see cref="ConnectWithin"/> (60 s) or has a callback booked within <see cref="CallbackWithin"/> (30 s).
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

/// <param name="MetShare">Met ÷ decided (pending ones are not counted yet); null before the first decided request.</param>
/// <param name="OnTarget">Whether the met share reaches the target share.</param>
public sealed record SlaFigures(int Requests, int Met, int Breached, int Pending, double? MetShare, double TargetShare, bool OnTarget);
