
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Profiles;

/// <summary>Live profiles: the fold of events into a profile, its features, and the one gate every profile writer enters.</summary>
public static class ProfilesSetup
{
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddSingleton<ProfileUpdater>();
        services.AddSingleton<FeatureCalculator>();
        services.AddSingleton<ProfileWriteGate>();
        services.AddSingleton<ProfileStore>();
        return services;
    }
}
