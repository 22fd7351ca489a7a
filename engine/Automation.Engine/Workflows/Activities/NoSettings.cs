namespace Automation.Engine.Workflows.Activities;

/// <summary>For activities configured by their connections alone.</summary>
public sealed class NoSettings;
