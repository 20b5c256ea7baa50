using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RelayDesk.Domain.Staffing;

namespace RelayDesk.Cli.Staffing;

/// <summary><c>relaydesk staffing …</c>: how many people the human promise needs.</summary>
internal static class StaffingCommands
{
    public static Command Create()
    {
        var staffing = new Command("staffing", "Staffing: Erlang C / Erlang A for one interval, or a forecast-based plan for next week.");
        staffing.Subcommands.Add(ErlangCommand());
        staffing.Subcommands.Add(StaffingPlanCommand.Create());
        return staffing;
    }

    private static Command ErlangCommand()
    {
        var arrivals = new Option<double>("--arrivals") { Description = "Contacts arriving in the interval.", Required = true };
        var intervalSeconds = new Option<double>("--interval-seconds") { Description = "Interval length in seconds.", DefaultValueFactory = _ => 1800 };
        var aht = new Option<double>("--aht-seconds") { Description = "Average handling time in seconds.", Required = true };
        var agents = new Option<int?>("--agents") { Description = "Agents on shift (evaluate this staffing)." };
        var target = new Option<double?>("--target-service-level") { Description = "Target share answered within --answer-within, e.g. 0.8 (find the smallest staffing)." };
        var answerWithin = new Option<double>("--answer-within") { Description = "Service-level threshold in seconds.", DefaultValueFactory = _ => 20 };
        var patience = new Option<double?>("--patience-seconds") { Description = "Mean customer patience: switches from Erlang C to Erlang A (abandonment)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("erlang", "Evaluate one interval with Erlang C (or Erlang A when a patience is given).")
        {
            arrivals, intervalSeconds, aht, agents, target, answerWithin, patience, json,
        };
        command.SetAction(result =>
        {
            try
            {
                var figures = Evaluate(
                    result.GetValue(arrivals), result.GetValue(intervalSeconds), result.GetValue(aht), result.GetValue(agents),
                    result.GetValue(target), result.GetValue(answerWithin), result.GetValue(patience));
                Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(figures, ErlangFigures.Json) : figures.ToText());
                return 0;
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return 2;
            }
        });
        return command;
    }

    internal static ErlangFigures Evaluate(double arrivals, double intervalSeconds, double ahtSeconds, int? agents,
        double? targetServiceLevel, double answerWithin, double? patienceSeconds)
    {
        if (agents is null == targetServiceLevel is null)
        {
            throw new ArgumentException("Give either --agents (evaluate) or --target-service-level (find the staffing), not both.");
        }

        var load = ContactLoad.PerInterval(arrivals, intervalSeconds, ahtSeconds);
        if (patienceSeconds is { } patience)
        {
            var n = agents ?? ErlangA.RequiredAgents(load, patience, targetServiceLevel!.Value, answerWithin);
            var a = ErlangA.Evaluate(load, n, patience, answerWithin);
            return new ErlangFigures(a.OfferedLoadErlangs, n, a.ProbabilityOfWait, a.ServiceLevel, a.AverageSpeedOfAnswerSeconds, a.Occupancy, a.ProbabilityOfAbandon, "erlang-a");
        }

        var agentsNeeded = agents ?? ErlangC.RequiredAgents(load, targetServiceLevel!.Value, answerWithin);
        var c = ErlangC.Evaluate(load, agentsNeeded, answerWithin);
        return new ErlangFigures(c.OfferedLoadErlangs, agentsNeeded, c.ProbabilityOfWait, c.ServiceLevel, c.AverageSpeedOfAnswerSeconds, c.Occupancy, 0, "erlang-c");
    }
}

/// <summary>One interval's figures; JSON names are a public contract (snake_case).</summary>
internal sealed record ErlangFigures(
    double OfferedLoad, int Agents, double PWait, double ServiceLevel, double AsaSeconds, double Occupancy, double PAbandon, string Model)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public string ToText() => string.Create(CultureInfo.InvariantCulture,
        $"""
        model          {Model}
        offered load   {OfferedLoad:F2} erlangs
        agents         {Agents}
        P(wait)        {PWait:F4}
        service level  {ServiceLevel:P1}
        ASA            {AsaSeconds:F2} s
        occupancy      {Occupancy:P1}
        P(abandon)     {PAbandon:F4}
        """);
}
