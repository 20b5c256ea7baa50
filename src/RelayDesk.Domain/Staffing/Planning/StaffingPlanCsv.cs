using System.Globalization;
using System.Text;

namespace RelayDesk.Domain.Staffing;

/// <summary>
/// Writes plan rows as CSV for spreadsheets and exports. Invariant culture throughout, so a decimal
/// comma never splits a column, and a fixed "\n" line ending so output is identical on every OS.
/// </summary>
/// <remarks>
/// Columns: interval_start (ISO 8601 with offset), forecast_contacts, human_contacts (2 decimals),
/// required_agents (integer), scheduled_agents (2 decimals), rostered_agents (integer) and gap
/// (2 decimals, rostered − scheduled); the last two are empty without a roster. No field ever needs
/// quoting: none contains a comma, quote or line break.
/// </remarks>
public static class StaffingPlanCsv
{
    /// <summary>The header line, without line ending.</summary>
    public const string Header = "interval_start,forecast_contacts,human_contacts,required_agents,scheduled_agents,rostered_agents,gap";

    /// <summary>Writes the header and one line per row.</summary>
    /// <param name="plan">The plan to export.</param>
    /// <param name="writer">Destination; not closed.</param>
    /// <exception cref="ArgumentNullException">Either argument is null.</exception>
    public static void Write(StaffingPlanResult plan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var row in plan.Rows)
        {
            writer.Write(Line(row));
            writer.Write('\n');
        }
    }

    /// <summary>The whole CSV as a string.</summary>
    /// <param name="plan">The plan to export.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static string ToCsv(StaffingPlanResult plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var builder = new StringBuilder(Header.Length + (plan.Rows.Count * 64));
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture))
        {
            Write(plan, writer);
        }

        return builder.ToString();
    }

    private static string Line(StaffingPlanRow row) => string.Join(
        ',',
        row.IntervalStart.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        Decimal(row.ForecastContacts),
        Decimal(row.HumanContacts),
        row.RequiredAgents.ToString(CultureInfo.InvariantCulture),
        Decimal(row.ScheduledAgents),
        row.RosteredAgents?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        row.Gap is { } gap ? Decimal(gap) : string.Empty);

    /// <summary>Two decimals; a value that rounds to zero prints "0.00", never "-0.00".</summary>
    private static string Decimal(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.00", CultureInfo.InvariantCulture);
    }
}
