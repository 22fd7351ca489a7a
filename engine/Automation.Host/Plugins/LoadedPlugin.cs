using Automation.Plugins.Sdk;

namespace Automation.Host.Plugins;

/// <summary>A plugin found in the plugins folder: loaded with its action types, or failed with the reason.</summary>
public sealed class LoadedPlugin
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public string? Version { get; init; }

    public string? SdkRange { get; init; }

    public IAutomationPlugin? Instance { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<string> ActionTypes { get; init; } = [];

    public bool Loaded => Instance is not null && Error is null;
}
