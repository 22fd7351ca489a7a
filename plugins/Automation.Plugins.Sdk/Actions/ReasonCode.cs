namespace Automation.Plugins.Sdk;

/// <summary>One reason behind a membership or a score, in a marketer's words.</summary>
/// <param name="Feature">The profile member, e.g. "Features.PricingViews7d".</param>
/// <param name="Value">Its value, formatted invariantly.</param>
/// <param name="Text">E.g. "3 pricing page views in 7 days".</param>
public sealed record ReasonCode(string Feature, string Value, string Text);
