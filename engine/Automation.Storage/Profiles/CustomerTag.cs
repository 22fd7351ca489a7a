namespace Automation.Storage.Profiles;

/// <summary>
/// A tag a rule gave a customer ("vip-at-risk"): kept apart from the profile, which the event processor owns, so a
/// decision can tag without touching the profile's write path. Later rule sessions read the customer's tags.
/// </summary>
public sealed class CustomerTag
{
    public required string CustomerId { get; set; }

    public required string Tag { get; set; }

    /// <summary>When the tag was first given; giving it again keeps this moment.</summary>
    public DateTime AddedAt { get; set; }

    /// <summary>"rule set 'vip-care' v3, rule 'vip at risk'".</summary>
    public string AddedBy { get; set; } = "";
}
