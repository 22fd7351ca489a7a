namespace Automation.Host.Access;

/// <summary>What people may do: marketers design, approvers decide, integrators run plugins and keys, admins everything.</summary>
public static class Roles
{
    public const string Marketer = "marketer";
    public const string Approver = "approver";
    public const string Integrator = "integrator";
    public const string Admin = "admin";

    /// <summary>The order roles are listed in, stored in and offered by the users page.</summary>
    public static IReadOnlyList<string> Ordered { get; } = [Marketer, Approver, Integrator, Admin];

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(Ordered, StringComparer.Ordinal);
}
