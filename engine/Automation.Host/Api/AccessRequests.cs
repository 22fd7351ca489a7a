namespace Automation.Host.Api;

public sealed record SignInRequest(string? Email, string? Password);

public sealed record NewUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);

public sealed record NewKeyRequest(string? Name, string? Scope);

public sealed record KeyLabelRequest(string? Name);

/// <summary>What an admin changes on an account; a null field stays as it is.</summary>
public sealed record UserChangeRequest(string? DisplayName, IReadOnlyList<string>? Roles, string? Password);
