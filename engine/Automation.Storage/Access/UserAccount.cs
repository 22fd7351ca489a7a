namespace Automation.Storage.Access;

/// <summary>A person who signs in: marketer, approver, integrator or admin. The email is the account's key and never changes.</summary>
public sealed class UserAccount
{
    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>Comma-separated roles.</summary>
    public required string Roles { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Changes on sign-out, a password change and a role change; a session whose stamp differs has ended.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>The admin who created the account; null for accounts from configuration or seeding.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>A second admin who vouched that the account is a person other than its creator (four-eyes).</summary>
    public string? ConfirmedBy { get; set; }
}
