using System.CommandLine;
using RelayDesk.Cli.Escalation;
using RelayDesk.Cli.Seeding;
using RelayDesk.Cli.Staffing;

var root = new RootCommand("relaydesk — RelayDesk's command line: seed demo data, evaluate escalation, plan staffing.");
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(StaffingCommands.Create());
root.Subcommands.Add(EscalationCommands.Create());
return await root.Parse(args).InvokeAsync();
