using Automation.Engine.Discovery;
using Automation.Host.Access;

namespace Automation.Host.Api;

public static class DiscoveryApi
{
    public static void MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/discovery/clusters", ClustersAsync).RequireAuthorization(Policies.Design).WithTags("Segments")
            .WithSummary("k-means over customers' behavior: clusters described in words, with an expression to save each as a segment and its silhouette")
            .Produces<DiscoveryResult>().ProducesValidationProblem();
        app.MapPost("/api/segments/discover", DiscoverAsync).RequireAuthorization(Policies.Design).WithTags("Segments")
            .WithSummary("k-means for every k in a range (default 2..10): silhouette and Davies-Bouldin per k, the proposed k, and its clusters in words with expressions")
            .Produces<DiscoverySweep>().ProducesValidationProblem();
    }

    private static async Task<IResult> DiscoverAsync(DiscoverRequest? body, CustomerClustering clustering, CancellationToken ct)
    {
        int min = body?.MinK ?? 2, max = body?.MaxK ?? 10;
        if (min < 2 || max > 12 || min > max)
        {
            return Problems.Validation(min < 2 ? "minK" : "maxK", "choose a range within 2..12, minK no larger than maxK");
        }

        try
        {
            return TypedResults.Ok(await clustering.SweepAsync(min, max, ct));
        }
        catch (InvalidOperationException ex)
        {
            return Problems.Validation("minK", ex.Message);
        }
    }

    private static async Task<IResult> ClustersAsync(ClusterRequest? body, CustomerClustering clustering, CancellationToken ct)
    {
        var k = body?.K ?? 4;
        if (k is < 2 or > 12)
        {
            return Problems.Validation("k", "choose between 2 and 12 clusters");
        }

        try
        {
            return TypedResults.Ok(await clustering.RunAsync(k, ct));
        }
        catch (InvalidOperationException ex)
        {
            return Problems.Validation("k", ex.Message);
        }
    }
}

public sealed record ClusterRequest(int? K);

public sealed record DiscoverRequest(int? MinK, int? MaxK);
