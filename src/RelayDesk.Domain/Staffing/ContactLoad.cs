namespace RelayDesk.Domain.Staffing;

/// <summary>
/// The traffic offered to a queue: how fast contacts arrive and how long each one keeps an agent busy.
/// </summary>
/// <remarks>
/// Erlang formulas only care about the product of the two (the offered load in erlangs), but the
/// waiting-time results (service level, ASA) need the handle time on its own to convert "agent
/// capacity to spare" into seconds, so both are kept. Rates are per second so that every formula in
/// this namespace works in one unit; use <see cref="PerInterval"/> to convert a forecast bucket.
/// </remarks>
public sealed record ContactLoad
{
    /// <summary>Creates a load from an arrival rate in contacts per second.</summary>
    /// <param name="arrivalRatePerSecond">Mean arrivals per second (λ); zero means an idle interval.</param>
    /// <param name="averageHandleTimeSeconds">Mean handling time (AHT) in seconds, including wrap-up.</param>
    /// <exception cref="ArgumentOutOfRangeException">The rate is negative or the handle time is not positive.</exception>
    public ContactLoad(double arrivalRatePerSecond, double averageHandleTimeSeconds)
    {
        StaffingGuard.NonNegative(arrivalRatePerSecond, nameof(arrivalRatePerSecond));
        StaffingGuard.Positive(averageHandleTimeSeconds, nameof(averageHandleTimeSeconds));
        ArrivalRatePerSecond = arrivalRatePerSecond;
        AverageHandleTimeSeconds = averageHandleTimeSeconds;
    }

    /// <summary>Mean arrivals per second (λ).</summary>
    public double ArrivalRatePerSecond { get; }

    /// <summary>Mean handling time per contact in seconds (AHT = 1/μ).</summary>
    public double AverageHandleTimeSeconds { get; }

    /// <summary>
    /// Offered load A = λ·AHT in erlangs: the average number of agents that would be busy if every
    /// contact were answered. Staffing below this can never keep up with the work.
    /// </summary>
    public double OfferedLoadErlangs => ArrivalRatePerSecond * AverageHandleTimeSeconds;

    /// <summary>
    /// Builds a load from a forecast bucket, e.g. 360 contacts in a 1,800-second half hour.
    /// </summary>
    /// <param name="contacts">Contacts expected in the interval; may be fractional (a forecast mean).</param>
    /// <param name="intervalSeconds">Length of the interval in seconds.</param>
    /// <param name="averageHandleTimeSeconds">Mean handling time in seconds.</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative contacts, or a non-positive interval or handle time.</exception>
    public static ContactLoad PerInterval(double contacts, double intervalSeconds, double averageHandleTimeSeconds)
    {
        StaffingGuard.NonNegative(contacts, nameof(contacts));
        StaffingGuard.Positive(intervalSeconds, nameof(intervalSeconds));
        return new ContactLoad(contacts / intervalSeconds, averageHandleTimeSeconds);
    }

    /// <summary>
    /// Builds a load from an offered load in erlangs and a handle time; handy when a planner
    /// already thinks in erlangs rather than in volumes.
    /// </summary>
    /// <param name="offeredLoadErlangs">Offered load A (λ·AHT).</param>
    /// <param name="averageHandleTimeSeconds">Mean handling time in seconds.</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative load or non-positive handle time.</exception>
    public static ContactLoad FromOfferedLoad(double offeredLoadErlangs, double averageHandleTimeSeconds)
    {
        StaffingGuard.NonNegative(offeredLoadErlangs, nameof(offeredLoadErlangs));
        StaffingGuard.Positive(averageHandleTimeSeconds, nameof(averageHandleTimeSeconds));
        return new ContactLoad(offeredLoadErlangs / averageHandleTimeSeconds, averageHandleTimeSeconds);
    }
}
