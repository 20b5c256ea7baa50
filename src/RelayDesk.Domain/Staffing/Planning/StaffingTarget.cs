using System.Globalization;

namespace RelayDesk.Domain.Staffing;

/// <summary>
/// A service-level goal such as "80/60": 80 % of contacts answered within 60 seconds. This is the
/// one number a desk lead sets; every required-agent figure in a plan is derived from it.
/// </summary>
public sealed record StaffingTarget
{
    /// <summary>Creates a target from a fraction and a threshold.</summary>
    /// <param name="serviceLevel">Share answered in time, strictly between 0 and 1 (0.8 for 80 %).</param>
    /// <param name="answerWithinSeconds">Threshold in seconds, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A share outside (0, 1) or a negative or non-finite threshold.</exception>
    public StaffingTarget(double serviceLevel, double answerWithinSeconds)
    {
        StaffingGuard.ServiceLevelTarget(serviceLevel, nameof(serviceLevel));
        StaffingGuard.NonNegative(answerWithinSeconds, nameof(answerWithinSeconds));
        ServiceLevel = serviceLevel;
        AnswerWithinSeconds = answerWithinSeconds;
    }

    /// <summary>Share of contacts to answer in time, in (0, 1).</summary>
    public double ServiceLevel { get; }

    /// <summary>The "in time" threshold in seconds.</summary>
    public double AnswerWithinSeconds { get; }

    /// <summary>
    /// Parses the planner's notation "percent/seconds", e.g. "80/60", "90/30", "80.5/20"; an optional
    /// "%" after the percentage and "s" after the seconds are accepted, as is surrounding whitespace.
    /// Numbers use the invariant culture (a dot for decimals) so the same text means the same thing everywhere.
    /// </summary>
    /// <param name="text">The target text.</param>
    /// <returns>The target, with the percentage converted to a fraction.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">Not in "percent/seconds" form, a percentage not strictly between 0 and 100, or negative seconds.</exception>
    public static StaffingTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            throw new ArgumentException(
                $"Service-level target '{text}' must look like 'percent/seconds', e.g. '80/60' for 80 % answered within 60 seconds.", nameof(text));
        }

        var percent = ParseNumber(parts[0], '%', text, "percentage");
        var seconds = ParseNumber(parts[1], 's', text, "seconds");
        if (percent <= 0 || percent >= 100)
        {
            throw new ArgumentException(
                $"Service level in '{text}' must be above 0 and below 100 %: no queue with random arrivals answers every contact in time, so 100 % can never be staffed for.",
                nameof(text));
        }

        if (seconds < 0)
        {
            throw new ArgumentException($"Answer-within time in '{text}' must not be negative.", nameof(text));
        }

        return new StaffingTarget(percent / 100, seconds);
    }

    /// <summary>The "percent/seconds" form, e.g. "80/60"; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ServiceLevel * 100:0.###}/{AnswerWithinSeconds:0.###}");

    private static double ParseNumber(string part, char unit, string text, string what)
    {
        var trimmed = part.Trim();
        if (trimmed.EndsWith(unit))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }

        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            throw new ArgumentException(
                $"The {what} in service-level target '{text}' is not a number; use the form '80/60'.", nameof(text));
        }

        return value;
    }
}
