namespace RelayDesk.Domain.Accounts.Errands;

/// <summary>Who runs an errand; recorded in the audit trail.</summary>
public enum ActorKind
{
    Assistant,
    Agent,
    Customer,
}

/// <summary>
/// The caller of an account errand. <paramref name="CustomerId"/> is the customer whose account the errand is for:
/// the signed-in customer (for the assistant and the customer themselves) or the customer linked to the conversation
/// an agent works on. Null means an anonymous caller: every errand then asks to log in and changes nothing.
/// </summary>
public sealed record ErrandCaller(ActorKind Kind, string ActorId, string? CustomerId, Guid? ConversationId = null)
{
    public static ErrandCaller Assistant(string? customerId, Guid conversationId) => new(ActorKind.Assistant, "assistant", customerId, conversationId);
}

public enum ErrandOutcome
{
    /// <summary>Done (or answered).</summary>
    Done,

    /// <summary>The rules do not allow it; <see cref="ErrandResult{T}.Message"/> says why.</summary>
    Refused,

    /// <summary>The caller may not touch this account or purchase (recorded in the audit trail).</summary>
    NotAllowed,

    /// <summary>No such purchase.</summary>
    NotFound,

    /// <summary>The input makes no sense (negative days, a date in the past …).</summary>
    Invalid,

    /// <summary>Nobody is signed in.</summary>
    LoginRequired,
}

/// <summary>
/// The answer of an errand: the outcome, a stable code (e.g. <c>extension.already-used</c>) hosts translate, an
/// English message, and the value when done.
/// </summary>
public sealed record ErrandResult<T>(ErrandOutcome Outcome, string Code, string Message, T? Value)
    where T : class
{
    public bool Succeeded => Outcome == ErrandOutcome.Done && Value is not null;

    public static ErrandResult<T> Done(T value, string message = "Done.") => new(ErrandOutcome.Done, "ok", message, value);

    public static ErrandResult<T> Fail(ErrandOutcome outcome, string code, string message) => new(outcome, code, message, null);
}
