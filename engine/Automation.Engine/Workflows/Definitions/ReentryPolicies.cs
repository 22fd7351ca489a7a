namespace Automation.Engine.Workflows.Definitions;

public static class ReentryPolicies
{
    public const string Once = "once";
    public const string OncePer = "oncePer";
    public const string Always = "always";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Once, OncePer, Always };
}
