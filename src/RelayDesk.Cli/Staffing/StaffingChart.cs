using RelayDesk.Domain.Staffing;
using ScottPlot;

namespace RelayDesk.Cli.Staffing;

/// <summary>The plan as a picture: forecast contacts against required and rostered agents, interval by interval.</summary>
internal static class StaffingChart
{
    public static void SavePng(StaffingPlanResult plan, string path, int width = 1400, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var xs = plan.Rows.Select(r => r.IntervalStart.UtcDateTime.ToOADate()).ToArray();
        var chart = new Plot();
        chart.Title("RelayDesk staffing plan");

        var forecast = chart.Add.ScatterLine(xs, [.. plan.Rows.Select(r => r.ForecastContacts)]);
        forecast.LegendText = "Forecast conversations";
        var human = chart.Add.ScatterLine(xs, [.. plan.Rows.Select(r => r.HumanContacts)]);
        human.LegendText = "Need a person";

        var required = chart.Add.ScatterLine(xs, [.. plan.Rows.Select(r => r.ScheduledAgents)]);
        required.LegendText = "Agents to schedule";
        required.LineWidth = 2;
        if (plan.Rows.Any(r => r.RosteredAgents is not null))
        {
            var rostered = chart.Add.ScatterLine(xs, [.. plan.Rows.Select(r => (double)(r.RosteredAgents ?? 0))]);
            rostered.LegendText = "Rostered";
            rostered.LinePattern = LinePattern.Dashed;
        }

        chart.Axes.DateTimeTicksBottom();
        chart.YLabel("per interval");
        chart.ShowLegend(Alignment.UpperLeft);
        chart.SavePng(path, width, height);
    }
}
