using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Proof;

/// <summary>
/// A batch connector that fails every second action of a call on its first attempt (retryable), rejects customers whose
/// id ends in "-reject" (permanent) and delivers the rest (all but the rejected without BatchFailsEverySecond); it writes each call's size and each delivery to the ledger.
/// </summary>
public sealed class HalfFailingBatchHandler(DeliveryLedger ledger, IOptions<ProofSettings> options) : BatchActionHandler
{
    public override Task<IReadOnlyList<ActionResult>> HandleBatchAsync(IReadOnlyList<ActionRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ledger.RecordCall(requests.Count);
        var results = new List<ActionResult>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (request.Customer.CustomerId.EndsWith("-reject", StringComparison.Ordinal))
            {
                results.Add(ActionResult.Permanent("rejected by the proof connector"));
            }
            else if (options.Value.BatchFailsEverySecond && request.Attempt == 1 && i % 2 == 1)
            {
                results.Add(ActionResult.Retryable("second half of the batch: try again"));
            }
            else
            {
                ledger.Record(request.IdempotencyKey, request.ActionType);
                results.Add(ActionResult.Success($"delivered in a batch of {requests.Count} on attempt {request.Attempt}"));
            }
        }

        return Task.FromResult<IReadOnlyList<ActionResult>>(results);
    }
}
