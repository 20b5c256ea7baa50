using System.Globalization;

namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Scenario adjustments layered on a forecast: "what if the bot resolves 10 points fewer
/// conversations?" or "what if a new market adds 20 % volume?".
/// </summary>
/// <remarks>
/// Human contacts = forecast contacts × <see cref="VolumeMultiplier"/> × (human share − <see cref="ContainmentChangePoints"/>/100).
/// Containment is the share of conversations the bot finishes without a person, so it moves the
/// human share by the same number of points in the opposite direction: containment −10 turns a 30 %
/// escalation rate into 40 %.
/// </remarks>
public sealed record WhatIf
{
    /// <summary>No adjustment: the forecast as it stands.</summary>
    public static readonly WhatIf None = new();

    /// <summary>Creates a scenario.</summary>
    /// <param name="containmentChangePoints">Change in bot containment in percentage points, −100 … 100 (−10 = 10 more points need a person).</param>
    /// <param name="volumeMultiplier">Factor on all contacts, ≥ 0 (1.2 = 20 % more, e.g. a new market).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value outside those ranges or not finite.</exception>
    public WhatIf(double containmentChangePoints = 0, double volumeMultiplier = 1)
    {
        StaffingGuard.Finite(containmentChangePoints, nameof(containmentChangePoints));
        if (containmentChangePoints < -100 || containmentChangePoints > 100)
        {
            throw new ArgumentOutOfRangeException(
                nameof(containmentChangePoints), containmentChangePoints, "Containment change is in percentage points and must lie between -100 and 100.");
        }

        StaffingGuard.NonNegative(volumeMultiplier, nameof(volumeMultiplier));
        ContainmentChangePoints = containmentChangePoints;
        VolumeMultiplier = volumeMultiplier;
    }

    /// <summary>Change in containment, percentage points; negative means more conversations reach a person.</summary>
    public double ContainmentChangePoints { get; }

    /// <summary>Multiplier on forecast contacts.</summary>
    public double VolumeMultiplier { get; }

    /// <summary>
    /// Parses a comma-separated list of key=value pairs: "containment=-10", "volume=1.2",
    /// "containment=-10, volume=1.2". Keys are case-insensitive, each may appear once, numbers use the
    /// invariant culture. An empty or blank text means <see cref="None"/>.
    /// </summary>
    /// <param name="text">The scenario text.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">An unknown or repeated key, a missing '=', or a value that is not a number or out of range.</exception>
    public static WhatIf Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double? containment = null;
        double? volume = null;
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, raw) = SplitPair(item, text);
            switch (key.ToLowerInvariant())
            {
                case "containment":
                    containment = containment is null ? ParseValue(key, raw, text) : throw Repeated(key, text);
                    break;
                case "volume":
                    volume = volume is null ? ParseValue(key, raw, text) : throw Repeated(key, text);
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown what-if '{key}' in '{text}'; use 'containment' (percentage points, e.g. containment=-10) or 'volume' (multiplier, e.g. volume=1.2).",
                        nameof(text));
            }
        }

        try
        {
            return new WhatIf(containment ?? 0, volume ?? 1);
        }
        catch (ArgumentOutOfRangeException error)
        {
            throw new ArgumentException($"What-if '{text}' is out of range: {error.Message}", nameof(text), error);
        }
    }

    /// <summary>The "containment=…, volume=…" form; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"containment={ContainmentChangePoints:0.###}, volume={VolumeMultiplier:0.###}");

    private static (string Key, string Raw) SplitPair(string item, string text)
    {
        var equals = item.IndexOf('=');
        if (equals <= 0)
        {
            throw new ArgumentException($"What-if '{item}' in '{text}' must be key=value, e.g. containment=-10 or volume=1.2.", nameof(text));
        }

        return (item[..equals].Trim(), item[(equals + 1)..].Trim());
    }

    private static double ParseValue(string key, string raw, string text)
    {
        if (!double.TryParse(raw, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            throw new ArgumentException($"What-if '{key}' in '{text}' has value '{raw}', which is not a number.", nameof(text));
        }

        return value;
    }

    private static ArgumentException Repeated(string key, string text) =>
        new($"What-if '{key}' appears more than once in '{text}'.", nameof(text));
}
