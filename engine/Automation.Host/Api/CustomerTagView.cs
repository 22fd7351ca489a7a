namespace Automation.Host.Api;

/// <summary>A tag a rule gave the customer, when, and which rule set gave it.</summary>
public sealed record CustomerTagView(string Tag, DateTime AddedAt, string AddedBy);
