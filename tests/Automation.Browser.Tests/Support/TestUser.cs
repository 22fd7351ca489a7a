namespace Automation.Browser.Tests.Support;

/// <summary>A person who signs in to the web app.</summary>
public sealed record TestUser(string Email, string DisplayName, string Password, params string[] Roles)
{
    public const string DefaultPassword = "password-123";

    public static TestUser Admin { get; } = new(HostProcess.AdminEmail, "Administrator", HostProcess.AdminPassword, "admin");

    public static TestUser Marketer { get; } = new("marketer@automation.local", "Mia Marketer", DefaultPassword, "marketer");

    public static TestUser Approver { get; } = new("approver@automation.local", "Alex Approver", DefaultPassword, "approver");

    /// <summary>Both designs and approves: when they publish a workflow, four-eyes keeps them from approving its actions.</summary>
    public static TestUser MarketingLead { get; } = new("lead@automation.local", "Lee Lead", DefaultPassword, "marketer", "approver");

    public static IReadOnlyList<TestUser> Seeded { get; } = [Marketer, Approver, MarketingLead];
}
