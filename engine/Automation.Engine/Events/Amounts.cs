namespace Automation.Engine.Events;

/// <summary>
/// The range of amounts: an event's value is at most a billion either way, and a customer's totals stop at
/// <see cref="MaxTotal"/> instead of overflowing (both fit every store's decimal(18,4) column).
/// </summary>
public static class Amounts
{
    public const decimal MaxValue = 1_000_000_000m;

    public const decimal MaxTotal = 99_999_999_999_999m;

    public static bool InRange(decimal value) => value is >= -MaxValue and <= MaxValue;

    /// <summary>The sum, held within ±<see cref="MaxTotal"/>.</summary>
    public static decimal Add(decimal total, decimal value) => Math.Clamp(total + Math.Clamp(value, -MaxValue, MaxValue), -MaxTotal, MaxTotal);
}
