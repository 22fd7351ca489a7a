using Automation.Engine.Workflows.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Automation.Host.Api;

/// <summary>Inbound webhooks: an external system starts or resumes a customer's workflow by calling the workflow's URL.</summary>
public static class WebhooksApi
{
    public const string SecretHeader = "X-Webhook-Secret";

    public static void MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        // The secret is the caller's credential: no session or API key, so that any system that can send an HTTP call can use it.
        app.MapPost("/api/webhooks/{workflowId}", ReceiveAsync).AllowAnonymous().WithTags("Workflows")
            .WithSummary($"Starts the workflow for the customer in the body, or resumes the customer's instance waiting for the webhook; the workflow's secret goes in {SecretHeader} (or ?secret=)")
            .Produces<WebhookAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ReceiveAsync(string workflowId, WebhookCall? call, HttpContext http, InboundWebhook webhook, [FromQuery] string? secret, CancellationToken ct)
    {
        var customerId = call?.CustomerId?.Trim();
        if (string.IsNullOrEmpty(customerId) || customerId.Length > 200)
        {
            return Problems.Validation("customerId", "give the id of the customer (1–200 characters) the call is about");
        }

        var presented = http.Request.Headers[SecretHeader].FirstOrDefault() ?? secret;
        WebhookReceipt receipt;
        try
        {
            receipt = await webhook.ReceiveAsync(workflowId, presented, customerId, ct);
        }
        catch (DbUpdateException)
        {
            return Problems.Conflict($"customer {customerId} moved on in workflow '{workflowId}' meanwhile; call again");
        }

        return receipt.Outcome switch
        {
            WebhookOutcome.NoSuchWebhook => Problems.NotFound($"no enabled workflow '{workflowId}' is published with a webhook trigger"),
            WebhookOutcome.WrongSecret => TypedResults.Problem(title: "Wrong secret", detail: $"send the workflow's webhook secret in {SecretHeader}", statusCode: StatusCodes.Status401Unauthorized),
            _ => TypedResults.Accepted((string?)null, new WebhookAccepted(Outcome(receipt.Outcome), receipt.InstanceId)),
        };
    }

    private static string Outcome(WebhookOutcome outcome) => outcome switch
    {
        WebhookOutcome.Started => "started",
        WebhookOutcome.Resumed => "resumed",
        _ => "notStarted",
    };
}
