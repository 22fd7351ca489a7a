namespace Automation.Plugins.Sdk;

/// <summary>
/// Carries out many actions of one type in one call (one API request for many audience members, many emails over one
/// SMTP connection). The host hands it up to <see cref="ActionDescriptor.BatchSize"/> dispatches at once and records
/// each answer on its own: a retryable failure retries only that action, a permanent one fails only that action.
/// </summary>
public abstract class BatchActionHandler : ActionHandler
{
    /// <summary>A single dispatch is a batch of one.</summary>
    public sealed override async Task<ActionResult> HandleAsync(ActionRequest request, CancellationToken cancellationToken) =>
        (await HandleBatchAsync([request], cancellationToken))[0];

    /// <returns>One result per request, in the requests' order.</returns>
    public abstract Task<IReadOnlyList<ActionResult>> HandleBatchAsync(IReadOnlyList<ActionRequest> requests, CancellationToken cancellationToken);
}
