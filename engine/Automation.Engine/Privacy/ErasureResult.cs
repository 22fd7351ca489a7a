namespace Automation.Engine.Privacy;

/// <summary>What an erasure removed, and how many records it left under the customer's pseudonym.</summary>
public sealed record ErasureResult(string Pseudonym, ErasureRemoved Removed, ErasurePseudonymized Pseudonymized);

/// <summary>Records deleted with the customer.</summary>
public sealed record ErasureRemoved(bool Profile, int Events, int Memberships, int PendingActions, int LinkedAnonymousIds, int OutboxMessages);

/// <summary>Records kept (for counts, budgets and the audit trail) with the customer id replaced and personal details redacted.</summary>
public sealed record ErasurePseudonymized(int Actions, int Approvals, int Instances, int Steps, int AuditEntries, int Suppressions);
