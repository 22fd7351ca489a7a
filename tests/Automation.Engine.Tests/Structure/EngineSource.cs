using System.Text.RegularExpressions;

namespace Automation.Engine.Tests.Structure;

/// <summary>The engine project's source files, read from the repository the tests were built from.</summary>
internal static partial class EngineSource
{
    public static string Root { get; } = Path.Combine(RepositoryRoot(), "engine", "Automation.Engine");

    /// <summary>Every .cs file of the engine, as a path relative to its project folder (bin and obj left out).</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal));

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    /// <summary>The feature folder a file is in (its first folder), or null for the project's root.</summary>
    public static string? FolderOf(string relative) => relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : null;

    /// <summary>The feature folders a file names in its <c>using Automation.Engine.X</c> lines.</summary>
    public static IEnumerable<string> UsedFolders(string text) => UsingLine().Matches(text).Select(m => m.Groups[1].Value);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Automation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Automation.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^using (?:static )?Automation\.Engine\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex UsingLine();
}
