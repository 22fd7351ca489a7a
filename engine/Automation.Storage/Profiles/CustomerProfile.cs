namespace Automation.Storage.Profiles;

/// <summary>The live profile: order-independent aggregates of a customer's events, plus scores.</summary>
public sealed class CustomerProfile
{
    public required string CustomerId { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Phone { get; set; }

    public string? TimeZone { get; set; }

    public DateTime FirstSeen { get; set; }

    public DateTime LastSeen { get; set; }

    public DateTime? LastPurchaseAt { get; set; }

    public int Purchases { get; set; }

    public decimal Monetary { get; set; }

    public int Refunds { get; set; }

    public decimal RefundTotal { get; set; }

    public bool Unsubscribed { get; set; }

    public DateTime? LastCartActivityAt { get; set; }

    public int AbandonedCarts { get; set; }

    public int Sessions { get; set; }

    public DateTime? LastSessionAt { get; set; }

    public int TotalEvents { get; set; }

    /// <summary>Per-day counters of the windowed features (JSON), kept for the last 35 days.</summary>
    public string DailyCountsJson { get; set; } = "{}";

    /// <summary>Recent sessions as time spans plus a count of older ones (JSON), so late events land in the right session.</summary>
    public string? SessionSpansJson { get; set; }

    /// <summary>Cart and purchase times behind the abandoned-cart count (see CartEpisodes).</summary>
    public string? CartEpisodesJson { get; set; }

    /// <summary>When each contact field was last set, by event time (JSON), so older events never overwrite newer details.</summary>
    public string? TraitTimesJson { get; set; }

    public int RecencyScore { get; set; }

    public int FrequencyScore { get; set; }

    public int MonetaryScore { get; set; }

    public string? RfmSegment { get; set; }

    public double? ChurnRisk { get; set; }

    public double? PurchasePropensity { get; set; }

    /// <summary>Reason codes per score (JSON).</summary>
    public string? ScoreReasonsJson { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>A detached copy with the same values (every member is a value or an immutable string).</summary>
    public CustomerProfile Copy() => (CustomerProfile)MemberwiseClone();
}
