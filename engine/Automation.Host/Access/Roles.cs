namespace Automation.Host.Access;

/// <summary>What people may do: marketers design, approvers decide, integrators run plugins and keys, admins everything.</summary>
public static class Roles
{
    public const string Marketer = "marketer";
    public const string Approver = "approver";
    public const string Integrator = "integrator";
    public const string Admin = "admin";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Marketer, Approver, Integrator, Admin };
}
