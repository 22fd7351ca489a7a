namespace Automation.Plugins.Sdk;

/// <summary>What a handler reports: done, try again later, or give up.</summary>
public sealed record ActionResult
{
    private ActionResult(ActionOutcome outcome, string? detail)
    {
        Outcome = outcome;
        Detail = detail;
    }

    public ActionOutcome Outcome { get; }

    /// <summary>For success, what was done (e.g. the message id); for failures, the reason.</summary>
    public string? Detail { get; }

    public static ActionResult Success(string? detail = null) => new(ActionOutcome.Succeeded, detail);

    /// <summary>A passing fault (timeout, 4xx greylisting, 5xx): the host retries with back-off.</summary>
    public static ActionResult Retryable(string reason) => new(ActionOutcome.RetryableFailure, reason);

    /// <summary>A fault that retrying will not fix (bad address, rejected input).</summary>
    public static ActionResult Permanent(string reason) => new(ActionOutcome.PermanentFailure, reason);
}
