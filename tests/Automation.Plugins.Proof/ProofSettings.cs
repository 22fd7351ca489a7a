namespace Automation.Plugins.Proof;

/// <summary>The section Automation:Plugins:Proof.</summary>
public sealed class ProofSettings
{
    /// <summary>File every carried-out delivery is appended to: idempotency key, action type, UTC time (ticks).</summary>
    public string LedgerPath { get; set; } = "";

    /// <summary>Share of proof.flaky attempts that fail with a retryable failure, 0..1.</summary>
    public double FailureRate { get; set; } = 0.3;

    /// <summary>proof.batch fails every second action of a call on its first attempt (retryable); false: it delivers all.</summary>
    public bool BatchFailsEverySecond { get; set; } = true;

    /// <summary>proof.broken throws until this file exists.</summary>
    public string RepairedMarkerPath { get; set; } = "";
}
