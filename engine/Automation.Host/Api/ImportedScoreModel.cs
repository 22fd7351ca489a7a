namespace Automation.Host.Api;

/// <summary>An ONNX model just imported as a new version.</summary>
public sealed record ImportedScoreModel(Guid Id, string Score, int Version, bool Active);
