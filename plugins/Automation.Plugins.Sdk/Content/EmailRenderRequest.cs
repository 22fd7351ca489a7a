namespace Automation.Plugins.Sdk;

/// <summary>What to render: a template by key, for a customer, in a workflow's context.</summary>
/// <param name="TemplateKey">The template library's key (e.g. <c>winback-10</c>).</param>
/// <param name="Customer">Whose profile fills the placeholders.</param>
/// <param name="UnsubscribeUrl">This customer's unsubscribe link, for <c>{{ unsubscribe_url }}</c>.</param>
/// <param name="Context">The workflow and segment behind the send, for <c>{{ workflow }}</c> and <c>{{ segment }}</c>.</param>
/// <param name="Subject">Replaces the template's subject (itself a template) when set.</param>
/// <param name="Text">Replaces the template's bodies with this plain text (itself a template) when set: an imported
/// workflow's own body.</param>
public sealed record EmailRenderRequest(
    string TemplateKey,
    CustomerSnapshot Customer,
    string UnsubscribeUrl,
    ActionContext? Context = null,
    string? Subject = null,
    string? Text = null);
