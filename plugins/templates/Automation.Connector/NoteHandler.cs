using Automation.Plugins.Sdk;
using Microsoft.Extensions.Logging;

namespace Acme.Connector;

/// <summary>Carries the action out: success, a retryable failure (retried with back-off) or a permanent one.</summary>
public sealed partial class NoteHandler(ConnectorSettings settings, ILogger<NoteHandler> logger) : ActionHandler<NoteInput>
{
    protected override Task<ActionResult> HandleAsync(ActionRequest request, NoteInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            return Task.FromResult(ActionResult.Permanent("input.text is empty"));
        }

        // Call the external system here. request.IdempotencyKey is the same for every attempt: pass it to APIs that
        // accept one. A timeout or a 5xx → ActionResult.Retryable(reason); a refusal retrying cannot fix → Permanent.
        LogNote(logger, request.Customer.CustomerId, settings.Target, input.Text);
        return Task.FromResult(ActionResult.Success($"noted in {settings.Target} for {request.Customer.CustomerId}: {input.Text}"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Note for {CustomerId} in {Target}: {Text}")]
    private static partial void LogNote(ILogger logger, string customerId, string target, string text);
}
