namespace Automation.Host.Api.Templates;

/// <summary>A template's content as sent by the editor (POST adds its key).</summary>
public sealed record TemplateInput(string? Key, string? Name, string? Subject, string? Preheader, string? FromName, string? FromAddress, string? Html, string? Text);

/// <summary>A library entry in the list.</summary>
public sealed record TemplateSummary(string Key, string Name, string Subject, string Preheader, int Version, bool BuiltIn, string UpdatedBy, DateTime UpdatedAt);

/// <summary>A template as stored, for the editor.</summary>
public sealed record TemplateView(string Key, string Name, string Subject, string Preheader, string FromName, string FromAddress, string Html, string Text, int Version, bool BuiltIn, string UpdatedBy, DateTime UpdatedAt, IReadOnlyList<string> Placeholders);

/// <summary>A save's outcome.</summary>
public sealed record TemplateSaved(string Key, int Version);

/// <summary>Unsaved content rendered for one customer.</summary>
public sealed record TemplatePreviewRequest(string? CustomerId, TemplateInput? Template);

/// <summary>What the customer would receive: every part rendered, and the sender after the configured defaults.</summary>
public sealed record TemplatePreview(string CustomerId, string? CustomerName, string Subject, string Preheader, string FromName, string FromAddress, string Html, string Text);

/// <summary>A test send of the saved template, personalized for a customer, to the signed-in person.</summary>
public sealed record TestSendRequest(string? CustomerId);

/// <summary>Where the test email went and what the email connector said.</summary>
public sealed record TestSent(string To, string Subject, string Detail);
