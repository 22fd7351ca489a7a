namespace Automation.Host.Api;

public sealed record PreviewRequest(string? Expression);
