namespace Automation.Engine.Scoring;

/// <summary>
/// The eleven RFM segments marketers know, from the recency score and the rounded mean of the frequency and
/// monetary scores (FM). The table is in docs/rfm.md; the order of the arms is the order of precedence.
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
    public const string AtRisk = "At risk";
    public const string CantLoseThem = "Can't lose them";
    public const string Hibernating = "Hibernating";
    public const string Lost = "Lost";

    /// <summary>Every named segment, best customers first.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Champions, Loyal, PotentialLoyalists, NewCustomers, Promising, NeedAttention, AboutToSleep, AtRisk, CantLoseThem, Hibernating, Lost];

    /// <summary>The segment for scores 1–5; empty for a customer who never bought (scores 0).</summary>
    public static string Name(int recency, int frequency, int monetary)
    {
        if (recency == 0 || frequency == 0)
        {
            return "";
        }

        var fm = (int)Math.Round((frequency + monetary) / 2.0, MidpointRounding.AwayFromZero);
        return (recency, fm) switch
        {
            ( >= 4, >= 4) => Champions,
            ( >= 4, 3) => Loyal,
            ( >= 4, 2) => PotentialLoyalists,
            (5, _) => NewCustomers,
            (4, _) => Promising,
            (3, >= 4) => Loyal,
            (3, 3) => NeedAttention,
            (3, _) => AboutToSleep,
            (2, 5) or (1, >= 4) => CantLoseThem,
            ( <= 2, >= 3) => AtRisk,
            (2, _) or (1, 2) => Hibernating,
            _ => Lost,
        };
    }
}
