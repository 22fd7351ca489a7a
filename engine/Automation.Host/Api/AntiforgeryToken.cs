namespace Automation.Host.Api;

/// <summary>The token a signed-in person sends on every write, and the header it goes in.</summary>
public sealed record AntiforgeryToken(string? Token, string HeaderName);
