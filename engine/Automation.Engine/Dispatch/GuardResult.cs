namespace Automation.Engine.Dispatch;

/// <summary>One guard's verdict on one action, kept in the dispatch log.</summary>
public sealed record GuardResult(string Guard, bool Passed, string Reason);
