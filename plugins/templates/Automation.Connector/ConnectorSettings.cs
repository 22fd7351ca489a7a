namespace Acme.Connector;

/// <summary>The plugin's settings, from Automation:Plugins:AcmePluginName.</summary>
public sealed class ConnectorSettings
{
    /// <summary>Where notes go in the external system.</summary>
    public string Target { get; init; } = "notes";
}
