namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Shared argument checks for the staffing math. Every public entry point validates its inputs
/// here so that a bad forecast (a negative volume, a zero handle time, an impossible target)
/// fails loudly at the boundary instead of surfacing later as NaN, infinity or a silently
/// wrong head count on a schedule.
/// </summary>
internal static class StaffingGuard
{
    /// <summary>Rejects NaN and infinities, which would otherwise poison every later formula.</summary>
    public static void Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number.");
        }
    }

    /// <summary>For quantities where zero is meaningless or divides, such as handle time.</summary>
    public static void Positive(double value, string paramName)
    {
        Finite(value, paramName);
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be greater than zero.");
        }
    }

    /// <summary>For quantities where zero is legitimate (no contacts, no wait allowed) but negatives are not.</summary>
    public static void NonNegative(double value, string paramName)
    {
        Finite(value, paramName);
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must not be negative.");
        }
    }

    /// <summary>Agent and server counts: zero is allowed (an unstaffed interval), negatives are not.</summary>
    public static void NonNegative(int value, string paramName)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must not be negative.");
        }
    }

    /// <summary>Counts that must be at least one, such as the number of chats an agent handles at once.</summary>
    public static void Positive(int value, string paramName)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be at least 1.");
        }
    }

    /// <summary>
    /// A service-level target must lie strictly between 0 and 1: a target of 0 is met by nobody
    /// staffing at all, and a target of 1 can never be met by a queue with random arrivals, so
    /// the agent search would never end.
    /// </summary>
    public static void ServiceLevelTarget(double value, string paramName)
    {
        Finite(value, paramName);
        if (value <= 0 || value >= 1)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"{paramName} must be strictly between 0 and 1 (e.g. 0.8 for 80 %); got {value}.");
        }
    }

    /// <summary>
    /// An occupancy or abandonment cap is a fraction in (0, 1]; zero would demand infinitely many agents.
    /// </summary>
    public static void OptionalFractionCap(double? value, string paramName)
    {
        if (value is not { } cap)
        {
            return;
        }

        Finite(cap, paramName);
        if (cap <= 0 || cap > 1)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                cap,
                $"{paramName} must be greater than 0 and at most 1 (e.g. 0.85 for 85 %); got {cap}.");
        }
    }

    /// <summary>
    /// Shrinkage is the share of paid time not available for contacts. It must be in [0, 1):
    /// at 100 % shrinkage no number of scheduled people yields a single productive agent.
    /// </summary>
    public static void Shrinkage(double value, string paramName)
    {
        Finite(value, paramName);
        if (value < 0 || value >= 1)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"{paramName} must be at least 0 and less than 1 (e.g. 0.3 for 30 %); got {value}.");
        }
    }
}
