using System.Net;
using Automation.Composition.Configuration;
using Automation.Host.Configuration;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Automation.Host.Security;

public static class EdgeSecuritySetup
{
    /// <summary>Forwarded headers from known proxies (when enabled), Secure cookies over TLS, HSTS outside development.</summary>
    public static void AddEdgeSecurity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var forwarded = new ForwardedHeadersSettings();
        builder.Configuration.GetSection(ForwardedHeadersSettings.Section).Bind(forwarded);
        builder.Services.AddSingleton(forwarded);
        var proxies = forwarded.KnownProxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new StartupException($"{ForwardedHeadersSettings.Section}:KnownProxies: '{p}' is not an IP address")).ToList();
        var networks = forwarded.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new StartupException($"{ForwardedHeadersSettings.Section}:KnownNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/8)")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });

        // Every cookie (sign-in, anti-forgery) is Secure when the request came over TLS, directly or through a trusted proxy.
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.None;
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>First in the pipeline, so that what follows sees the client's scheme and every response its headers.</summary>
    public static void UseEdgeSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().Enabled)
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // On starting, not now: the exception handler clears the headers of a failed request before writing its problem.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Add(context.Response.Headers, context.Request.Path);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCookiePolicy();
    }
}
