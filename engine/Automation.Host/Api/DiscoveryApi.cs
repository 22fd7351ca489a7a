using Automation.Engine.Discovery;
using Automation.Host.Access;

namespace Automation.Host.Api;

public static class DiscoveryApi
{
    public static void MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/discovery/clusters", ClustersAsync).RequireAuthorization(Policies.Design).WithTags("Segments")
            .WithSummary("k-means over customers' behavior: clusters described in words, with an expression to save each as a segment and its silhouette");
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
