using System.Diagnostics;

namespace Automation.Integration.Tests.Cli;

/// <summary>Runs the built `automation` tool as a separate process, as an operator would.</summary>
public static class CliRun
{
    public static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunAsync(TimeSpan.FromSeconds(90), arguments);

    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        if (!File.Exists(RepoPaths.CliDll))
        {
            throw new InvalidOperationException($"{RepoPaths.CliDll} does not exist: build engine/Automation.Cli first");
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var waited = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(waited.Token);
        return (process.ExitCode, await output + await error);
    }
}
