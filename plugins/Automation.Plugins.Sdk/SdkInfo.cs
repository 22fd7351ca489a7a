namespace Automation.Plugins.Sdk;

public static class SdkInfo
{
    /// <summary>The SDK version plugins are checked against.</summary>
    public static Version Version { get; } = typeof(SdkInfo).Assembly.GetName().Version ?? new Version(1, 0);
}
