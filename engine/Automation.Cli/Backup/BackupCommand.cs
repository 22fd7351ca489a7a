using System.CommandLine;
using Automation.Cli.Storage;
using Automation.Storage.Backup;
using Spectre.Console;

namespace Automation.Cli.Backup;

/// <summary>`automation backup FILE` / `automation restore FILE`: the embedded default's SQLite file and its inbox.</summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "where the copy goes (its inbox goes beside it as FILE-inbox)" };
        var command = new Command("backup", "Copy the engine's SQLite database (and its inbox) consistently, while the host runs; for PostgreSQL use pg_dump")
        {
            file, DatabaseOptions.Sqlite,
        };
        command.SetAction(result =>
        {
            var written = SqliteBackup.Create(result.GetValue(DatabaseOptions.Sqlite)!, result.GetValue(file)!);
            var check = SqliteBackup.IntegrityCheck(written[0]);
            AnsiConsole.MarkupLine(Markup.Escape($"backed up to {string.Join(", ", written)}; integrity check: {check}"));
            return check == "ok" ? 0 : 1;
        });
        return command;
    }

    public static Command CreateRestore()
    {
        var file = new Argument<string>("file") { Description = "a copy made by `automation backup`" };
        var command = new Command("restore", "Put a backup in place of the engine's SQLite database; refused while a host runs on it")
        {
            file, DatabaseOptions.Sqlite,
        };
        command.SetAction(result =>
        {
            try
            {
                SqliteBackup.Restore(result.GetValue(file)!, result.GetValue(DatabaseOptions.Sqlite)!);
                AnsiConsole.MarkupLine(Markup.Escape($"restored {result.GetValue(file)} to {Path.GetFullPath(result.GetValue(DatabaseOptions.Sqlite)!)}"));
                return 0;
            }
            catch (InvalidOperationException ex)
            {
                AnsiConsole.MarkupLine(Markup.Escape(ex.Message));
                return 1;
            }
        });
        return command;
    }
}
