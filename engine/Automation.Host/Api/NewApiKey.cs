namespace Automation.Host.Api;

/// <summary>A key just created: the only time the key itself is shown.</summary>
public sealed record NewApiKey(string Id, string Name, string Scope, string Key);
