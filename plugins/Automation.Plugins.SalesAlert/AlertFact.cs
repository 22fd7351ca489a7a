namespace Automation.Plugins.SalesAlert;

/// <summary>One labelled line of an alert, e.g. "Segment: at-risk".</summary>
public sealed record AlertFact(string Label, string Value);
