namespace Automation.Engine.Scoring;

/// <summary>
/// The named RFM segments marketers know, from the recency (R) and frequency (F) scores; the first matching row wins.
/// Customers who never bought have no RFM segment.
///
/// | segment             | R     | F     |
/// |---------------------|-------|-------|
/// | Champions           | 4–5   | 4–5   |
/// | Loyal               | 3     | 4–5   |
/// | Potential loyalists | 4–5   | 2–3   |
/// | New customers       | 5     | 1     |
/// | Promising           | 4     | 1     |
/// | Need attention      | 3     | 2–3   |
/// | About to sleep      | 3     | 1     |
/// | Can't lose them     | 1     | 4–5   |
/// | At risk             | 1–2   | 3–5   |
/// | Hibernating         | 2     | 1–2   |
/// | Lost                | 1     | 1–2   |
/// </summary>
public static class RfmSegments
{
    public const string Champions = "Champions";
    public const string Loyal = "Loyal";
    public const string PotentialLoyalists = "Potential loyalists";
    public const string NewCustomers = "New customers";
    public const string Promising = "Promising";
    public const string NeedAttention = "Need attention";
    public const string AboutToSleep = "About to sleep";
    public const string CantLoseThem = "Can't lose them";
    public const string AtRisk = "At risk";
    public const string Hibernating = "Hibernating";
    public const string Lost = "Lost";

    public static IReadOnlyList<string> All { get; } =
        [Champions, Loyal, PotentialLoyalists, NewCustomers, Promising, NeedAttention, AboutToSleep, CantLoseThem, AtRisk, Hibernating, Lost];

    public static string? Name(int recency, int frequency) => (recency, frequency) switch
    {
        (0, _) or (_, 0) => null,
        ( >= 4, >= 4) => Champions,
        (3, >= 4) => Loyal,
        ( >= 4, >= 2) => PotentialLoyalists,
        (5, _) => NewCustomers,
        (4, _) => Promising,
        (3, >= 2) => NeedAttention,
        (3, _) => AboutToSleep,
        (1, >= 4) => CantLoseThem,
        (_, >= 3) => AtRisk,
        (2, _) => Hibernating,
        _ => Lost,
    };
}
