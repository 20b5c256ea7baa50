using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using RelayDesk.Domain;
using RelayDesk.Domain.Accounts;

namespace RelayDesk.Cli.Accounts;

/// <summary><c>relaydesk accounts schedule …</c>: prints a payment plan computed by the product's own schedule code.</summary>
internal static class AccountsCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var accounts = new Command("accounts", "BNPL accounts: check the arithmetic of payment plans.");
        accounts.Subcommands.Add(ScheduleCommand());
        return accounts;
    }

    private static Command ScheduleCommand()
    {
        var plan = new Option<string>("--plan") { Description = "financing, pay-in-3, pay-in-4 or pay-in-30.", Required = true };
        var principal = new Option<decimal>("--principal") { Description = "The amount in EUR, e.g. 1000 or 59.90.", Required = true };
        var rate = new Option<decimal>("--nominal-rate") { Description = "Financing: nominal yearly rate in percent (Sollzins), e.g. 9.99.", DefaultValueFactory = _ => 0m };
        var months = new Option<int>("--months") { Description = "Financing: 6 to 36 monthly instalments.", DefaultValueFactory = _ => 12 };
        var start = new Option<string>("--start") { Description = "Purchase date, yyyy-MM-dd.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("schedule", "Print the instalments, total and effective APR of a plan.") { plan, principal, rate, months, start, json };
        command.SetAction(result =>
        {
            try
            {
                if (!DateOnly.TryParseExact(result.GetValue(start), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDate))
                {
                    throw new DomainException("start.format", "--start must be a date as yyyy-MM-dd.");
                }

                var schedule = PaymentSchedule.Create(PlanKinds.Parse(result.GetValue(plan)!), result.GetValue(principal), startDate,
                    result.GetValue(rate), result.GetValue(months));
                Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(ScheduleJson.From(schedule), Json) : ToText(schedule));
                return 0;
            }
            catch (DomainException exception)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string ToText(PaymentSchedule schedule)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string> { string.Create(c, $"{"#",3}  {"due",-10}  {"amount",10}  {"principal",10}  {"interest",9}") };
        lines.AddRange(schedule.Payments.Select((p, i) => string.Create(c, $"{i + 1,3}  {p.Due:yyyy-MM-dd}  {p.Amount,10:0.00}  {p.Principal,10:0.00}  {p.Interest,9:0.00}")));
        lines.Add(string.Create(c, $"total {schedule.Total:0.00} EUR (interest {schedule.TotalInterest:0.00}), nominal rate {schedule.NominalRate:0.00}%, effective APR {schedule.EffectiveApr:0.00}%"));
        return string.Join(Environment.NewLine, lines);
    }

    private sealed record InstalmentJson(string Due, decimal Amount, decimal Principal, decimal Interest);

    private sealed record ScheduleJson(IReadOnlyList<InstalmentJson> Instalments, decimal Total, [property: JsonPropertyName("effective_apr")] decimal EffectiveApr)
    {
        public static ScheduleJson From(PaymentSchedule schedule) => new(
            [.. schedule.Payments.Select(p => new InstalmentJson(p.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Amount, p.Principal, p.Interest))],
            schedule.Total,
            schedule.EffectiveApr);
    }
}
