using System.CommandLine;
using Automation.Cli.Backup;
using Automation.Cli.Discovery;
using Automation.Cli.Import;
using Automation.Cli.Scoring;
using Automation.Cli.Workflows;

// The operator's tool: one sub-command per job; import, train, simulate and bench join as their features land.
var root = new RootCommand("Automation: marketing automation engine tools");
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(ImportElsaCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(DiscoverCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(RfmCommand.Create());
root.Subcommands.Add(BackupCommand.Create());
root.Subcommands.Add(BackupCommand.CreateRestore());
return await root.Parse(args).InvokeAsync();
