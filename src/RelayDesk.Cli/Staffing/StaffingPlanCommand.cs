using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RelayDesk.Data;
using RelayDesk.Data.Queries;
using RelayDesk.Domain.Staffing;

namespace RelayDesk.Cli.Staffing;

/// <summary>
/// <c>relaydesk staffing plan --target 80/60 --interval 30 [--what-if containment=-10]</c>: forecasts next week from the
/// desk's conversation history, prints the interval table and weekly FTE, and writes a CSV and a PNG chart.
/// </summary>
internal static class StaffingPlanCommand
{
    public static Command Create()
    {
        var target = new Option<string>("--target") { Description = "Service level / seconds, e.g. 80/60.", DefaultValueFactory = _ => "80/60" };
        var interval = new Option<int>("--interval") { Description = "Interval length in minutes (15 or 30).", DefaultValueFactory = _ => 30 };
        var whatIf = new Option<string?>("--what-if") { Description = "e.g. containment=-10 (10 more points need a person) or volume=1.2." };
        var database = new Option<FileInfo>("--database")
        {
            Description = "The desk's SQLite database with the conversation history.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("src", "RelayDesk.Web", "App_Data", "relaydesk.db")),
        };
        var demoHistory = new Option<bool>("--demo-history") { Description = "Plan from generated demo history instead of a database." };
        var aht = new Option<double?>("--aht-seconds") { Description = "Average handling time; default: measured from history, else 420." };
        var concurrency = new Option<int>("--concurrency") { Description = "Chats per agent at once.", DefaultValueFactory = _ => 2 };
        var shrinkage = new Option<double>("--shrinkage") { Description = "Share of paid time not on chats (0–1).", DefaultValueFactory = _ => 0.3 };
        var patience = new Option<double?>("--patience-seconds") { Description = "Mean customer patience: plan with Erlang A." };
        var rostered = new Option<int?>("--rostered") { Description = "Agents on shift during opening hours (Mon–Sat 08–20 Europe/Berlin)." };
        var weeks = new Option<int>("--history-weeks") { Description = "Weeks of history to learn from.", DefaultValueFactory = _ => 8 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write staffing-plan.csv and staffing-plan.png.", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var command = new Command("plan", "Forecast next week and plan the people it needs.")
        {
            target, interval, whatIf, database, demoHistory, aht, concurrency, shrinkage, patience, rostered, weeks, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var now = DateTimeOffset.UtcNow;
                var (history, staff) = result.GetValue(demoHistory)
                    ? (DemoHistory(now, result.GetValue(weeks)), [])
                    : await LoadAsync(result.GetValue(database)!, now, result.GetValue(weeks), cancellationToken);
                var rosteredAgents = result.GetValue(rostered);
                var settings = new StaffingPlannerSettings
                {
                    Interval = TimeSpan.FromMinutes(result.GetValue(interval)),
                    Target = StaffingTarget.Parse(result.GetValue(target)!),
                    WhatIf = result.GetValue(whatIf) is { } w ? WhatIf.Parse(w) : WhatIf.None,
                    AverageHandleTimeSeconds = result.GetValue(aht) ?? history.AverageHandleTimeSeconds ?? 420,
                    ConcurrentChatsPerAgent = result.GetValue(concurrency),
                    Shrinkage = result.GetValue(shrinkage),
                    MeanPatienceSeconds = result.GetValue(patience),
                    HistoryWeeks = result.GetValue(weeks),
                    Roster = rosteredAgents is { } agents ? forecast => OpeningHours.Demo.Roster(forecast, agents) : null,
                };
                var outcome = StaffingPlanner.Plan(history.ConversationStarts, history.HumanRequests, now, settings);
                var bySkill = SkillStaffingPlan.Create(outcome, history.HumanRequestsBySkill, staff, settings,
                    (forecast, count) => rosteredAgents is null ? new int[forecast.Count] : OpeningHours.Demo.Roster(forecast, count));
                var folder = result.GetValue(output)!;
                folder.Create();
                var csv = Path.Combine(folder.FullName, "staffing-plan.csv");
                var png = Path.Combine(folder.FullName, "staffing-plan.png");
                await File.WriteAllTextAsync(csv, StaffingPlanCsv.ToCsv(outcome.Plan), cancellationToken);
                StaffingChart.SavePng(outcome.Plan, png);
                Console.Write(Report(outcome, settings));
                Console.Write(SkillReport(bySkill));
                Console.WriteLine($"wrote {csv}");
                Console.WriteLine($"wrote {png}");
                return 0;
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {exception.Message}");
                return 2;
            }
        });
        return command;
    }

    private static ContactHistoryData DemoHistory(DateTimeOffset now, int weeks)
    {
        var starts = DemoContactHistory.Generate(StaffingPlanner.Floor(now.AddDays(-7 * weeks), TimeSpan.FromDays(1)), weeks, seed: 7, contactsPerDay: 600)
            .Where(t => t < now).ToList();
        var random = new Random(7);
        string[] skills = [SkillStaffingPlan.General, SkillStaffingPlan.General, SkillStaffingPlan.General, "hardship", "disputes", "fraud"];
        var humans = starts.Where(_ => random.NextDouble() < 0.3)
            .Select(t => new HumanRequestRecord(t, skills[random.Next(skills.Length)], random.NextDouble() < 0.7 ? "de" : "en")).ToList();
        return new ContactHistoryData(starts, null, humans);
    }

    /// <summary>The history and the staff's skills, from one read-only connection to the desk's database.</summary>
    private static async Task<(ContactHistoryData History, IReadOnlyList<RosterAgent> Staff)> LoadAsync(
        FileInfo database, DateTimeOffset now, int weeks, CancellationToken cancellationToken)
    {
        if (!database.Exists)
        {
            throw new FileNotFoundException(
                $"No database at {database.FullName}. Start the web app once (it seeds demo history), run 'relaydesk seed', or use --demo-history.");
        }

        var options = new DbContextOptionsBuilder<RelayDeskDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = database.FullName, Mode = SqliteOpenMode.ReadOnly }.ToString()).Options;
        await using var db = new RelayDeskDbContext(options);
        var history = await ContactHistoryQuery.LoadAsync(db, now.AddDays(-7 * weeks - 1), now, cancellationToken);
        var staff = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        return (history, [.. staff.Where(u => u.SkillList.Count > 0).Select(u => new RosterAgent(u.SkillList, u.LanguageList))]);
    }

    private static string SkillReport(IReadOnlyList<SkillStaffingLine> lines)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine();
        text.AppendLine("per skill and language   share  weekly FTE  peak  qualified  hiring need");
        foreach (var line in lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{line.Skill,-12} {line.Language,-9} {line.ShareOfConversations,6:P1} {line.WeeklyFte,11:F1} {line.PeakRequiredAgents,5} {line.QualifiedAgents,10} {line.HiringNeed,12}");
        }

        return text.ToString();
    }

    private static string Report(StaffingPlanOutcome outcome, StaffingPlannerSettings settings)
    {
        var text = new System.Text.StringBuilder();
        var plan = outcome.Plan;
        text.AppendLine(CultureInfo.InvariantCulture, $"history: {outcome.ConversationsInHistory} conversations, {outcome.HumanRequestsInHistory} needed a person ({outcome.EscalationRate:P1}), AHT {settings.AverageHandleTimeSeconds:F0} s");
        var backtest = outcome.Backtest is { } b ? FormattableString.Invariant($", backtest on the last week: WAPE {b.Wape:P1}, MAPE {b.Mape:P1}") : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"forecast: {outcome.Forecast.Method} ({outcome.Forecast.Season}){backtest}");
        var model = settings.MeanPatienceSeconds is { } p ? FormattableString.Invariant($"Erlang A with {p:F0} s patience") : "Erlang C";
        text.AppendLine(CultureInfo.InvariantCulture, $"target {settings.Target}, {settings.ConcurrentChatsPerAgent} chats per agent, shrinkage {settings.Shrinkage:P0}, {model}");
        text.AppendLine();
        text.AppendLine("interval (UTC)      forecast  person  required  scheduled  rostered");
        foreach (var row in plan.Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{row.IntervalStart:ddd yyyy-MM-dd HH:mm} {row.ForecastContacts,8:F1} {row.HumanContacts,7:F1} {row.RequiredAgents,9} {row.ScheduledAgents,10:F1} {(row.RosteredAgents is { } r ? r.ToString(CultureInfo.InvariantCulture) : "-"),9}");
        }

        text.AppendLine();
        var current = plan.CurrentFte is { } fte ? FormattableString.Invariant($"  (current {fte:F1} FTE)") : string.Empty;
        text.AppendLine(CultureInfo.InvariantCulture, $"weekly FTE: {plan.WeeklyFte:F1}  peak required agents: {plan.PeakRequiredAgents}  hiring need: {plan.HiringNeed}{current}");
        return text.ToString();
    }
}
