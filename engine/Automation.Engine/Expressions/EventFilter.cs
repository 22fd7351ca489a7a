using Automation.Engine.Profiles;

namespace Automation.Engine.Expressions;

/// <summary>A compiled, sandbox-checked event trigger filter over the event and the customer's features and scores.</summary>
public sealed record EventFilter(string Text, Func<CustomerFeatures, CustomerScores, TriggerEvent, bool> Evaluate);
