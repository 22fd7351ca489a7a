namespace Automation.Engine.Configuration;

/// <summary>The first admin, created on start when no user exists.</summary>
public sealed class AdminOptions
{
    public string Email { get; set; } = "admin@automation.local";

    public string? Password { get; set; }
}
