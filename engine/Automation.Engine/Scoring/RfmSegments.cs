namespace Automation.Engine.Scoring;

/// <summary>The usual RFM names marketers know, from recency and frequency scores.</summary>
public static class RfmSegments
{
    public static string Name(int recency, int frequency) => (recency, frequency) switch
    {
        (0, _) => "Prospect",
        ( >= 4, >= 4) => "Champion",
        ( >= 3, >= 3) => "Loyal",
        ( >= 4, <= 1) => "New",
        ( >= 3, _) => "Promising",
        ( <= 2, >= 4) => "Can't lose",
        ( <= 2, >= 2) => "At risk",
        _ => "Hibernating",
    };
}
