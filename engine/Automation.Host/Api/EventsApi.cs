using System.Diagnostics;
using Automation.Engine.Events;
using Automation.Host.Access;

namespace Automation.Host.Api;

public static class EventsApi
{
    public const long MaxBodyBytes = 5 * 1024 * 1024;

    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events", IngestAsync).RequireAuthorization(Policies.Ingest).WithTags("Events")
            .WithSummary("Append a batch of behavioral events; 202 only once they are durable, 400 with per-item errors and nothing stored")
            .WithDescription("Authenticate with an ingestion key (X-Api-Key). Up to 10,000 events and 5 MB per batch; an event id sent twice is stored once (counted in duplicates). 503 with Retry-After while the database is unreachable: nothing was stored, send the batch again.")
            // The body is read as raw bytes (for its size limit and parser), so the schema is declared rather than inferred.
            .Accepts<EventBatchRequest>("application/json")
            .Produces<EventsAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> IngestAsync(HttpRequest request, EventIngestion ingestion, ProcessingTimings timings, CancellationToken cancellationToken)
    {
        var t = Stopwatch.GetTimestamp();
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge($"a batch may be at most 5 MB ({MaxBodyBytes} bytes); this one is {request.ContentLength} bytes");
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return TooLarge($"a batch may be at most 5 MB ({MaxBodyBytes} bytes)");
            }
        }

        t = timings.Add("ingest: read body", t);
        using var parsed = EventBatchParser.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        timings.Add("ingest: parse", t, parsed.Items.Count);
        if (parsed.BodyError is { } bodyError)
        {
            return Problems.Validation("The event batch was refused; nothing was stored", [new ProblemItem(null, bodyError.Field, bodyError.Reason)]);
        }

        if (parsed.Items.Count > EventIngestion.MaxBatchEvents)
        {
            return TooLarge($"a batch may hold at most {EventIngestion.MaxBatchEvents} events; this one has {parsed.Items.Count}");
        }

        var result = await ingestion.IngestAsync(parsed.Items, cancellationToken);
        return result.Rejected
            ? Problems.Events(result.Errors)
            : TypedResults.Accepted((string?)null, new EventsAccepted(result.Accepted, result.Duplicates));
    }

    private static IResult TooLarge(string detail) =>
        TypedResults.Problem(title: "The event batch is too large", detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge);
}
