using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Proof;

/// <summary>A connector with a bug: it throws on every call until the repaired marker file appears.</summary>
public sealed class BrokenHandler(DeliveryLedger ledger, IOptions<ProofSettings> options) : ActionHandler
{
    public override Task<ActionResult> HandleAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var marker = options.Value.RepairedMarkerPath;
        if (string.IsNullOrEmpty(marker) || !File.Exists(marker))
        {
            throw new InvalidOperationException("the proof connector is broken");
        }

        ledger.Record(request.IdempotencyKey, request.ActionType);
        return Task.FromResult(ActionResult.Success("delivered after the repair"));
    }
}
