using Automation.Engine.Processing.Quarantine;
using Automation.Host.Access;

namespace Automation.Host.Api;

/// <summary>Customers whose events could not be processed and are set aside: listed, and retried after a fix.</summary>
public static class ProcessingApi
{
    public static void MapProcessingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/processing/quarantine").WithTags("Processing");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Design)
            .WithSummary("Customers set aside because processing their events failed: the stage, the error, the events, when")
            .Produces<IReadOnlyList<QuarantinedCustomerView>>();
        group.MapPost("/{customerId}/retry", RetryAsync).RequireAuthorization(Policies.Administer)
            .WithSummary("Processes the customer's set-aside events again, in order, from their whole history (after a fix)")
            .Produces<RetryAccepted>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(CustomerQuarantine quarantine, CancellationToken ct) =>
        TypedResults.Ok(await quarantine.ListAsync(ct));

    private static async Task<IResult> RetryAsync(string customerId, HttpContext http, CustomerQuarantine quarantine, CancellationToken ct) =>
        await quarantine.RetryAsync(customerId, http.Actor(), ct)
            ? TypedResults.Accepted($"/api/processing/quarantine", new RetryAccepted(customerId, "the customer's events are processed again in the next batch"))
            : Problems.NotFound($"customer {customerId} is not set aside");

    /// <summary>The answer to a retry: the customer's events go back to the processor.</summary>
    public sealed record RetryAccepted(string CustomerId, string Detail);
}
