namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Staffing for chat, where one agent works several conversations at once.
/// </summary>
/// <remarks>
/// <para>
/// Approximation: an agent handling up to k chats is treated as k independent servers ("slots"), and
/// the queue is solved as Erlang C with N·k slots and the per-chat handle time. This is the common
/// planning shortcut and it is only an approximation, for two reasons: (1) a real agent slows down
/// as concurrency rises, so the handle time passed in must be the handle time <em>observed at that
/// concurrency</em>, not the one-at-a-time figure; (2) slots of the same agent are not independent
/// (the agent's attention is shared, and routing may not fill slots evenly). Expect it to be
/// optimistic when agents rarely reach full concurrency.
/// </para>
/// <para>Required agents are the required slots divided by k, rounded up, since staff come whole.</para>
/// </remarks>
public static class ChatConcurrency
{
    /// <summary>Erlang C figures for <paramref name="agents"/> agents each working up to <paramref name="concurrentChatsPerAgent"/> chats.</summary>
    /// <param name="load">Chat arrival rate and per-chat handle time at this concurrency.</param>
    /// <param name="agents">Agents N ≥ 0.</param>
    /// <param name="concurrentChatsPerAgent">Chats an agent handles at once, k ≥ 1.</param>
    /// <param name="answerWithinSeconds">Service-level threshold t ≥ 0.</param>
    /// <returns>Erlang C figures where <see cref="ErlangCResult.Agents"/> counts slots (N·k) and occupancy is per slot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative agents or threshold, or concurrency below 1.</exception>
    public static ErlangCResult Evaluate(ContactLoad load, int agents, int concurrentChatsPerAgent, double answerWithinSeconds)
    {
        ArgumentNullException.ThrowIfNull(load);
        StaffingGuard.NonNegative(agents, nameof(agents));
        StaffingGuard.Positive(concurrentChatsPerAgent, nameof(concurrentChatsPerAgent));
        var slots = (long)agents * concurrentChatsPerAgent;
        if (slots > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(agents), agents, "Agents × concurrency exceeds the supported number of slots.");
        }

        return ErlangC.Evaluate(load, (int)slots, answerWithinSeconds);
    }

    /// <summary>Smallest number of agents whose N·k slots meet the Erlang C target.</summary>
    /// <param name="load">Chat arrival rate and per-chat handle time at this concurrency.</param>
    /// <param name="concurrentChatsPerAgent">Chats an agent handles at once, k ≥ 1.</param>
    /// <param name="targetServiceLevel">Target share answered in time, strictly between 0 and 1.</param>
    /// <param name="answerWithinSeconds">Threshold t ≥ 0.</param>
    /// <param name="maxOccupancy">Optional cap on slot occupancy, in (0, 1].</param>
    /// <returns>⌈required slots / k⌉; 0 with no traffic.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="load"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Concurrency below 1, or see <see cref="ErlangC.RequiredAgents"/>.</exception>
    public static int RequiredAgents(
        ContactLoad load,
        int concurrentChatsPerAgent,
        double targetServiceLevel,
        double answerWithinSeconds,
        double? maxOccupancy = null)
    {
        StaffingGuard.Positive(concurrentChatsPerAgent, nameof(concurrentChatsPerAgent));
        var slots = ErlangC.RequiredAgents(load, targetServiceLevel, answerWithinSeconds, maxOccupancy);
        return (int)(((long)slots + concurrentChatsPerAgent - 1) / concurrentChatsPerAgent);
    }
}
