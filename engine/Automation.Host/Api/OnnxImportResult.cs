namespace Automation.Host.Api;

/// <summary>An ONNX model brought in: its version and whether it is the active one.</summary>
public sealed record OnnxImportResult(Guid Id, string Score, int Version, bool Active);
