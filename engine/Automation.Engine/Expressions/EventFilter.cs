using Automation.Engine.Profiles;

namespace Automation.Engine.Expressions;

/// <summary>
/// A compiled, sandbox-checked event trigger filter over the event and the customer's features and scores;
/// <see cref="Evaluate"/> never throws (an error counts as false and is kept in <see cref="Faults"/>).
/// </summary>
public sealed record EventFilter(string Text, Func<CustomerFeatures, CustomerScores, TriggerEvent, bool> Unguarded)
{
    private Func<CustomerFeatures, CustomerScores, TriggerEvent, bool>? evaluate;

    public ExpressionFaults Faults { get; } = new();

    public Func<CustomerFeatures, CustomerScores, TriggerEvent, bool> Evaluate => evaluate ??= Faults.Guard(Unguarded);
}
