
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Segments;

/// <summary>Segments: compiled definitions, trials of new expressions, sweeps over every profile and the RFM refresh that moves them.</summary>
public static class SegmentsSetup
{
    public static IServiceCollection AddSegments(this IServiceCollection services)
    {
        services.AddSingleton<SegmentCatalog>();
        services.AddSingleton<SegmentSweeper>();
        services.AddSingleton<ExpressionTrial>();
        services.AddHostedService<SegmentSweepService>();
        services.AddHostedService<RfmRefreshService>();
        return services;
    }
}
