namespace Automation.Host.Outages;

public static class OutagesSetup
{
    /// <summary>Seconds a producer is told to wait (Retry-After) when the database cannot take its request.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The RFC 7807 problem type of a request refused because a dependency is unreachable for now.</summary>
    public const string ProblemType = "urn:automation:problem:dependency-unavailable";

    /// <summary>
    /// Outages of the database and the broker are logged once when they start, as a summary while they last and once
    /// when they end: every log provider is wrapped so that the retries' failures are counted, not written.
    /// Call before anything resolves a logger. Provider-specific filter settings (Logging:Console:LogLevel) no longer
    /// match the wrapped providers; the general Logging:LogLevel settings still apply.
    /// </summary>
    public static void AddOutageHandling(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var outages = new DependencyOutages(TimeProvider.System);
        services.AddSingleton(outages);
        services.AddHostedService<DependencyWatch>();

        var counts = true;
        for (var i = 0; i < services.Count; i++)
        {
            var provider = services[i];
            if (provider.ServiceType != typeof(ILoggerProvider) || provider.IsKeyedService)
            {
                continue;
            }

            var counting = counts;
            counts = false;
            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(sp => new QuietOutageLoggerProvider(Create(sp, provider), outages, counting));
        }
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
