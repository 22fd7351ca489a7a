namespace Automation.Engine.Scoring.Models;

/// <summary>
/// How a brought ONNX model reads a profile: the float input tensor (shape [batch, features]) filled with these
/// profile features in this order, and the output tensor holding the probability of the positive outcome.
/// </summary>
public sealed record OnnxMapping(string Input, string Output, IReadOnlyList<string> Features);
