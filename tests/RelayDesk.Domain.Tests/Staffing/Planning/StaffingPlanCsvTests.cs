using System;
using System.Globalization;
using System.IO;
using System.Linq;
using RelayDesk.Domain.Staffing;
using Xunit;

namespace RelayDesk.Domain.Tests.Staffing;

public class StaffingPlanCsvTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    private static StaffingPlanResult Plan(int[]? roster = null)
    {
        var forecast = new IntervalSeries(SyntheticVolume.Monday, HalfHour, Enumerable.Range(0, 336).Select(t => t < 100 ? 1.5 : 0));
        return StaffingPlan.Create(new StaffingPlanRequest(forecast, 60, StaffingTarget.Parse("80/20"))
        {
            Shrinkage = 0.3,
            RosteredAgents = roster,
        });
    }

    [Fact]
    public void The_csv_has_a_header_and_one_line_per_interval()
    {
        var lines = StaffingPlanCsv.ToCsv(Plan()).Split('\n');

        Assert.Equal(StaffingPlanCsv.Header, lines[0]);
        Assert.Equal(336 + 2, lines.Length); // header, rows, and the empty string after the final newline
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Equal("2025-01-06T00:00:00+01:00,1.50,1.50,1,1.43,,", lines[1]);
        Assert.Equal("2025-01-08T02:00:00+01:00,0.00,0.00,0,0.00,,", lines[101]);
    }

    [Fact]
    public void Roster_columns_are_filled_when_a_roster_is_given()
    {
        var roster = Enumerable.Repeat(1, 336).ToArray();

        var lines = StaffingPlanCsv.ToCsv(Plan(roster)).Split('\n');

        Assert.Equal("2025-01-06T00:00:00+01:00,1.50,1.50,1,1.43,1,-0.43", lines[1]);
        Assert.Equal("2025-01-08T02:00:00+01:00,0.00,0.00,0,0.00,1,1.00", lines[101]);
    }

    [Fact]
    public void Numbers_use_the_invariant_culture_whatever_the_current_one()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var csv = StaffingPlanCsv.ToCsv(Plan());

            Assert.Contains(",1.50,1.50,1,1.43,", csv);
            Assert.DoesNotContain("1,50", csv);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Write_streams_the_same_text_to_a_writer()
    {
        var plan = Plan();
        using var writer = new StringWriter();

        StaffingPlanCsv.Write(plan, writer);

        Assert.Equal(StaffingPlanCsv.ToCsv(plan), writer.ToString());
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => StaffingPlanCsv.ToCsv(null!));
        Assert.Throws<ArgumentNullException>(() => StaffingPlanCsv.Write(Plan(), null!));
    }
}
