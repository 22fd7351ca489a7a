namespace Automation.Engine.Rules;

/// <summary>A named intermediate value ("recentViews": "Features.PricingViews7d + Features.ProductViews7d").</summary>
public sealed class ScopedParamDocument
{
    public string? Name { get; set; }

    public string? Expression { get; set; }
}
