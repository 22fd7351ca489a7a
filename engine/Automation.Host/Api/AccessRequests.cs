namespace Automation.Host.Api;

public sealed record SignInRequest(string? Email, string? Password);

public sealed record NewUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);

public sealed record NewKeyRequest(string? Name);
