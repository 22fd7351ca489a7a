namespace Automation.Engine.Rules;

/// <summary>
/// A fact a rule asserted about a customer ("priority-high") for other rules to match: forward chaining. Each
/// assertion is a fact of its own (reference identity), so two rules asserting the same name give two explanations.
/// </summary>
public sealed class DerivedFact(CustomerFact customer, string name, string assertedBy)
{
    // See CustomerFact: a hash computed once, identity equality.
    private readonly int hash = Random.Shared.Next();

    public CustomerFact Customer { get; } = customer;

    public string Name { get; } = name;

    /// <summary>The rule that asserted it, for the explanation of the rules that match it.</summary>
    public string AssertedBy { get; } = assertedBy;

    public override int GetHashCode() => hash;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
}
