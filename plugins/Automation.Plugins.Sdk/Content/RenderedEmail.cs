namespace Automation.Plugins.Sdk;

/// <summary>A template rendered for one customer; empty sender fields mean the connector's configured sender.</summary>
public sealed record RenderedEmail(
    string TemplateKey,
    int TemplateVersion,
    string Subject,
    string Preheader,
    string FromName,
    string FromAddress,
    string Html,
    string Text);
