namespace Automation.Storage.Access;

/// <summary>A person who signs in: marketer, approver, integrator or admin.</summary>
public sealed class UserAccount
{
    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>Comma-separated roles.</summary>
    public required string Roles { get; set; }

    public DateTime CreatedAt { get; set; }
}
