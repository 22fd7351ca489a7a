namespace Automation.Engine.Expressions;

/// <summary>The short list of helpers expressions may call beyond Math, DateTime and strings.</summary>
public static class ExpressionHelpers
{
    /// <summary>Clamps a value between bounds, e.g. in score arithmetic.</summary>
    public static double Clamp01(double value) => Math.Clamp(value, 0, 1);

    /// <summary>Case-insensitive equality, for RFM segment names and other labels.</summary>
    public static bool Is(string? value, string? other) => string.Equals(value, other, StringComparison.OrdinalIgnoreCase);
}
