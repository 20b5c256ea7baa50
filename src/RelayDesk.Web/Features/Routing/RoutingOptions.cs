namespace RelayDesk.Web.Features.Routing;

/// <summary>How the desk routes conversations to people and keeps the wait honest.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>How long an agent has to accept an offered conversation before it goes to the next agent. Default 30 s.</summary>
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an agent who declined or missed an offer is not offered the same conversation again; after that they
    /// are asked again rather than leaving the customer with nobody. Default 10 minutes.
    /// </summary>
    public TimeSpan OfferPassMemory { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an online agent may be without a workspace connection before they count as offline. Default 60 s.</summary>
    public TimeSpan PresenceGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often routing checks offers, presence, callbacks and the SLA without being nudged. Default 5 s.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The queue's wait target: an estimate above it makes the desk offer a callback. Default 5 minutes.</summary>
    public TimeSpan QueueTarget { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The handling time used until five recent chats give a live mean. Default 8 minutes.</summary>
    public TimeSpan FallbackHandlingTime { get; set; } = TimeSpan.FromMinutes(8);

    /// <summary>Extra waiting a high-priority case is credited with in the queue order. Default 5 minutes.</summary>
    public TimeSpan HighPriorityHeadStart { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Length of a callback slot. Default 30 minutes.</summary>
    public TimeSpan CallbackSlotLength { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Callbacks one slot takes. Default 2.</summary>
    public int CallbacksPerSlot { get; set; } = 2;

    /// <summary>The earliest a callback slot may start, from now. Default 15 minutes.</summary>
    public TimeSpan CallbackLeadTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The desk is staffed around the clock: teams' business hours are not applied (no out-of-hours answers, callback
    /// slots at any time). Default false.
    /// </summary>
    public bool AroundTheClock { get; set; }

    /// <summary>Share of human requests that must meet the human-access target. Default 0.8.</summary>
    public double SlaShare { get; set; } = 0.8;

    /// <summary>A person must be connected within this time of the request. Default 60 s.</summary>
    public TimeSpan SlaConnectWithin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>…or a callback booked within this time. Default 30 s.</summary>
    public TimeSpan SlaCallbackWithin { get; set; } = TimeSpan.FromSeconds(30);

    internal bool IsValid() =>
        OfferTimeout > TimeSpan.Zero && OfferPassMemory >= TimeSpan.Zero && PresenceGrace >= TimeSpan.Zero && SweepInterval > TimeSpan.Zero && QueueTarget > TimeSpan.Zero
        && FallbackHandlingTime > TimeSpan.Zero && HighPriorityHeadStart >= TimeSpan.Zero && CallbackSlotLength > TimeSpan.Zero
        && CallbacksPerSlot > 0 && CallbackLeadTime >= TimeSpan.Zero && SlaShare is > 0 and <= 1 && SlaConnectWithin > TimeSpan.Zero
        && SlaCallbackWithin > TimeSpan.Zero;
}
