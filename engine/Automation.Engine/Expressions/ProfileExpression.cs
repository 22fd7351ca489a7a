namespace Automation.Engine.Expressions;

/// <summary>
/// A compiled, sandbox-checked boolean expression over a customer's features and scores. <see cref="Evaluate"/> never
/// throws: an error counts as false and is kept in <see cref="Faults"/>; <see cref="Unguarded"/> is for trying a new
/// expression on real profiles before it is saved.
/// </summary>
public sealed record ProfileExpression(string Text, Func<Profiles.CustomerFeatures, Profiles.CustomerScores, bool> Unguarded, IReadOnlyList<string> Members)
{
    private Func<Profiles.CustomerFeatures, Profiles.CustomerScores, bool>? evaluate;

    public ExpressionFaults Faults { get; } = new();

    public Func<Profiles.CustomerFeatures, Profiles.CustomerScores, bool> Evaluate => evaluate ??= Faults.Guard(Unguarded);
}
