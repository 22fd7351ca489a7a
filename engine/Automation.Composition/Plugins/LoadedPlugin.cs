using Automation.Engine.Rules;
using Automation.Plugins.Sdk;

namespace Automation.Composition.Plugins;

/// <summary>A plugin found in the plugins folder: loaded with its action types, or failed with the reason.</summary>
public sealed class LoadedPlugin
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public string? Version { get; init; }

    public string? SdkRange { get; init; }

    public IAutomationPlugin? Instance { get; init; }

    /// <summary>Why the plugin did not load, or which of its actions were refused when the rest loaded.</summary>
    public string? Error { get; init; }

    public IReadOnlyList<string> ActionTypes { get; init; } = [];

    /// <summary>The rule sets it ships (C#, NRules.Fluent), compiled; read-only in the catalog.</summary>
    public IReadOnlyList<CompiledRuleSet> RuleSets { get; init; } = [];

    /// <summary>Loaded, with at least its accepted action types in service (a refused one does not take the others down).</summary>
    public bool Loaded => Instance is not null;
}
