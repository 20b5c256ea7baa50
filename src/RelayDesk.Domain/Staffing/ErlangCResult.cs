namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Erlang C (M/M/N, infinitely patient callers) figures for one staffing level, bundled so a
/// caller that wants all of them does the Erlang B recursion once.
/// </summary>
/// <param name="OfferedLoadErlangs">Offered load A = λ·AHT.</param>
/// <param name="Agents">Agents N the figures are for.</param>
/// <param name="ProbabilityOfWait">Share of contacts that find every agent busy and queue (Erlang C).</param>
/// <param name="ServiceLevel">Share of contacts answered within <paramref name="AnswerWithinSeconds"/>.</param>
/// <param name="AnswerWithinSeconds">The service-level threshold t in seconds.</param>
/// <param name="AverageSpeedOfAnswerSeconds">Mean wait over all contacts (ASA); +∞ when N ≤ A.</param>
/// <param name="Occupancy">Share of agent time spent handling contacts: A/N capped at 1; 0 with no traffic or no agents.</param>
public sealed record ErlangCResult(
    double OfferedLoadErlangs,
    int Agents,
    double ProbabilityOfWait,
    double ServiceLevel,
    double AnswerWithinSeconds,
    double AverageSpeedOfAnswerSeconds,
    double Occupancy);
