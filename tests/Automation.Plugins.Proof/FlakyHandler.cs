using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Proof;

/// <summary>Fails transiently at the configured rate (a flaky downstream API), otherwise delivers.</summary>
public sealed class FlakyHandler(DeliveryLedger ledger, IOptions<ProofSettings> options) : ActionHandler
{
    public override Task<ActionResult> HandleAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
#pragma warning disable CA5394 // not security: a test double's coin toss
        if (Random.Shared.NextDouble() < options.Value.FailureRate)
#pragma warning restore CA5394
        {
            return Task.FromResult(ActionResult.Retryable($"downstream busy (attempt {request.Attempt})"));
        }

        ledger.Record(request.IdempotencyKey, request.ActionType);
        return Task.FromResult(ActionResult.Success($"delivered on attempt {request.Attempt}"));
    }
}
