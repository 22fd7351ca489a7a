using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.SalesAlert;

/// <summary>
/// Sends one alert to every configured destination: the webhook, and the owner's inbox when an owner is named and
/// SMTP is set up. One delivery is enough to succeed, because a retry would repeat the delivery that worked (neither
/// Slack nor SMTP takes an idempotency key); what failed is kept in the detail.
/// </summary>
public sealed class SalesAlertHandler(IOptions<SalesAlertSettings> options, WebhookSender webhook, OwnerMailer mailer) : ActionHandler<SalesAlertInput>
{
    private readonly SalesAlertSettings settings = options.Value;

    protected override async Task<ActionResult> HandleAsync(ActionRequest request, SalesAlertInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var useWebhook = !string.IsNullOrWhiteSpace(settings.WebhookUrl);
        // Without a webhook an alert naming no owner goes to the team's address, so it is read somewhere.
        var owner = !string.IsNullOrWhiteSpace(input.Owner) ? input.Owner : useWebhook ? null : mailer.TeamAddress;
        var hasOwner = !string.IsNullOrWhiteSpace(owner);
        var useMail = hasOwner && mailer.IsConfigured;
        if (!useWebhook && !useMail)
        {
            return ActionResult.Permanent("no webhook or owner email configured");
        }

        var alert = SalesAlertMessage.From(request, input);
        var results = new List<ActionResult>();
        if (useWebhook)
        {
            results.Add(await webhook.PostAsync(alert, request.IdempotencyKey, cancellationToken));
        }

        if (useMail)
        {
            results.Add(await mailer.SendAsync(owner!, alert, request, cancellationToken));
        }

        var details = results.Select(r => r.Detail).OfType<string>().ToList();
        if (hasOwner && !useMail)
        {
            details.Add($"owner {owner} not emailed: no mail delivery");
        }

        var detail = string.Join("; ", details);
        if (results.Any(r => r.Outcome == ActionOutcome.Succeeded))
        {
            return ActionResult.Success(detail);
        }

        return results.Any(r => r.Outcome == ActionOutcome.RetryableFailure)
            ? ActionResult.Retryable(detail)
            : ActionResult.Permanent(detail);
    }
}
