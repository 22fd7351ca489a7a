using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Engine.Privacy;

/// <summary>Privacy: pseudonyms for what must be kept, and erasure of a customer.</summary>
public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.TryAddSingleton<CustomerPseudonyms>();
        services.AddSingleton<CustomerErasure>();
        return services;
    }
}
