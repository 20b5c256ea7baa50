namespace RelayDesk.Domain.Routing;

/// <summary>Which conversation goes to which agent, and why, in words a supervisor can check.</summary>
public sealed record AssignmentDecision(Guid ConversationId, string AgentId, string Why);

/// <summary>What the wait estimate of one queued case rests on.</summary>
/// <param name="Position">1-based place among the cases that compete for the same agents.</param>
/// <param name="QualifiedOnShift">Online agents with every skill and the language the case needs.</param>
/// <param name="TotalSlots">Chats those agents take at once, together.</param>
/// <param name="FreeSlots">Of those, how many are free right now.</param>
public sealed record WaitInputs(int Position, int QualifiedOnShift, int TotalSlots, int FreeSlots);
