namespace Automation.Host.Outages;

/// <summary>What the engine cannot work without and may lose for a while.</summary>
public enum Dependency
{
    Database,
    Broker,
}
