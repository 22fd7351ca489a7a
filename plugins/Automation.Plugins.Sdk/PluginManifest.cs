namespace Automation.Plugins.Sdk;

/// <summary>Who a plugin is: shown in GET /api/plugins and checked against the host's SDK version.</summary>
/// <param name="Name">Stable name, also the configuration section under Automation:Plugins.</param>
/// <param name="Version">The plugin's own version.</param>
/// <param name="SdkVersionRange">The SDK versions it was built for, e.g. "[1.0,2.0)" (NuGet interval notation).</param>
public sealed record PluginManifest(string Name, string Version, string SdkVersionRange);
