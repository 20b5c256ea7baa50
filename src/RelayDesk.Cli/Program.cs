using System.CommandLine;
using RelayDesk.Cli.Accounts;
using RelayDesk.Cli.Escalation;
using RelayDesk.Cli.Load;
using RelayDesk.Cli.Nlu;
using RelayDesk.Cli.Seeding;
using RelayDesk.Cli.Staffing;

var root = new RootCommand("relaydesk — RelayDesk's command line: seed demo data, evaluate the NLU and escalation, plan staffing, check payment plans.");
root.Subcommands.Add(SeedCommand.Create());
root.Subcommands.Add(StaffingCommands.Create());
root.Subcommands.Add(EscalationCommands.Create());
root.Subcommands.Add(NluCommands.Create());
root.Subcommands.Add(AccountsCommands.Create());
root.Subcommands.Add(LoadCommands.Create());
return await root.Parse(args).InvokeAsync();
