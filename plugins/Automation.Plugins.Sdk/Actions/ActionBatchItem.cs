namespace Automation.Plugins.Sdk;

/// <summary>One dispatch of a batch, with its input already read.</summary>
public sealed record ActionBatchItem<TInput>(ActionRequest Request, TInput Input)
    where TInput : class;
