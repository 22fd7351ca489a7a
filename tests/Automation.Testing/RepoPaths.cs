using System.Reflection;

namespace Automation.Testing;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Plugins => Path.Combine(Root, "artifacts", "plugins");

    /// <summary>Test-only plugins (tests/Automation.Plugins.Proof), kept apart from the shipped ones.</summary>
    public static string TestPlugins => Path.Combine(Root, "artifacts", "test-plugins");

    public static string Workflows => Path.Combine(Root, "workflows");

    public static string HostProject => Path.Combine(Root, "engine", "Automation.Host");

    /// <summary>The host's build output for this test project's configuration (Debug unless built otherwise).</summary>
    public static string HostDll => Path.Combine(HostProject, "bin", Configuration, "net10.0", "Automation.Host.dll");

    /// <summary>The `automation` command-line tool's build output.</summary>
    public static string CliDll => Path.Combine(Root, "engine", "Automation.Cli", "bin", Configuration, "net10.0", "automation.dll");

    public static string DesignerIndex => Path.Combine(HostProject, "wwwroot", "index.html");

    public static string Screenshots => Path.Combine(Root, "TestResults", "screenshots");

    /// <summary>The configuration this test assembly was built in (Debug unless built otherwise).</summary>
    public static string Configuration =>
        typeof(RepoPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Automation.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Automation.sln not found above " + AppContext.BaseDirectory);
    }
}
