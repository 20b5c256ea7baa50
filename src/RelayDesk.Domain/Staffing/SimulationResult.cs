namespace RelayDesk.Domain.Staffing;

/// <summary>Measured outcome of a <see cref="QueueSimulation"/> run (warm-up arrivals excluded).</summary>
/// <param name="Arrivals">Arrivals measured.</param>
/// <param name="Answered">Measured arrivals that were answered.</param>
/// <param name="Abandoned">Measured arrivals that hung up before being answered.</param>
/// <param name="ServiceLevel">Answered within the threshold ÷ all measured arrivals (abandons count as misses).</param>
/// <param name="AverageSpeedOfAnswerSeconds">Mean wait of answered contacts; +∞ if none was answered.</param>
/// <param name="AverageWaitAllContactsSeconds">Mean time in queue over all arrivals, abandoned ones up to when they hung up.</param>
/// <param name="ProbabilityOfWait">Share of arrivals that found every agent busy.</param>
/// <param name="AbandonmentRate">Share of arrivals that abandoned.</param>
/// <param name="Occupancy">Agent busy time ÷ agent time available during the measured window.</param>
public sealed record SimulationResult(
    int Arrivals,
    int Answered,
    int Abandoned,
    double ServiceLevel,
    double AverageSpeedOfAnswerSeconds,
    double AverageWaitAllContactsSeconds,
    double ProbabilityOfWait,
    double AbandonmentRate,
    double Occupancy);
