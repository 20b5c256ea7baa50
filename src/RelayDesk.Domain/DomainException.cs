namespace RelayDesk.Domain;

/// <summary>
/// A command the domain refuses: an illegal state transition or invalid input. The message is written for the
/// person who caused it, so hosts can show it as it is (problem details, hub errors).
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    /// <summary>A stable, machine-readable reason (e.g. <c>conversation.closed</c>).</summary>
    public string Code { get; } = code;
}
