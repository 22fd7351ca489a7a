namespace Automation.Engine.Expressions;

/// <summary>The tags rules have given the customer, as a rule reads them: `Tags.Has("vip")`. Tags compare without case.</summary>
public sealed class TagFacts(IEnumerable<string> tags)
{
    private readonly HashSet<string> tags = new(tags, StringComparer.OrdinalIgnoreCase);

    public static TagFacts None { get; } = new([]);

    public int Count => tags.Count;

    public IEnumerable<string> All => tags;

    public bool Has(string tag) => tag is not null && tags.Contains(tag);
}
