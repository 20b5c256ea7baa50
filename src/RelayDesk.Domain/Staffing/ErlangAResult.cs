namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Erlang A (M/M/N+M, customers who give up) figures for one staffing level.
/// </summary>
/// <param name="OfferedLoadErlangs">Offered load A = λ·AHT (before abandonment).</param>
/// <param name="Agents">Agents N the figures are for.</param>
/// <param name="MeanPatienceSeconds">Mean time a queued customer is willing to wait (1/θ).</param>
/// <param name="ProbabilityOfWait">Share of arrivals that find every agent busy and so have to queue.</param>
/// <param name="ProbabilityOfAbandon">Share of all arrivals that hang up before being answered.</param>
/// <param name="ServiceLevel">
/// Share of all arrivals answered within <paramref name="AnswerWithinSeconds"/>. Abandoned contacts
/// count as not answered in time, whenever they abandoned (denominator = every arrival).
/// </param>
/// <param name="AnswerWithinSeconds">The service-level threshold t in seconds.</param>
/// <param name="AverageSpeedOfAnswerSeconds">
/// Mean wait of answered contacts (immediate answers count as 0); +∞ when nobody is answered.
/// </param>
/// <param name="AverageWaitAllContactsSeconds">
/// Mean time in queue over all arrivals, abandoned ones included (time until they hung up).
/// </param>
/// <param name="AverageQueueLength">Mean number of contacts waiting.</param>
/// <param name="Occupancy">Share of agent time spent handling answered contacts.</param>
public sealed record ErlangAResult(
    double OfferedLoadErlangs,
    int Agents,
    double MeanPatienceSeconds,
    double ProbabilityOfWait,
    double ProbabilityOfAbandon,
    double ServiceLevel,
    double AnswerWithinSeconds,
    double AverageSpeedOfAnswerSeconds,
    double AverageWaitAllContactsSeconds,
    double AverageQueueLength,
    double Occupancy);
