using Automation.Engine.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;

namespace Automation.Composition.Configuration;

public static class OptionsSetup
{
    /// <summary>Binds Automation:* and checks it on start, so a wrong setting stops the host with its name.</summary>
    public static void AddAutomationOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<AutomationOptions>()
            .Bind(builder.Configuration.GetSection(AutomationOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AutomationOptions>, AutomationOptionsValidator>();
    }

    /// <summary>Reads the options early, for choices made while services are registered (provider, transport).</summary>
    public static AutomationOptions ReadAutomationOptions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new AutomationOptions();
        try
        {
            builder.Configuration.GetSection(AutomationOptions.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException($"Automation configuration cannot be read: {ex.Message}", ex);
        }

        return options;
    }
}
