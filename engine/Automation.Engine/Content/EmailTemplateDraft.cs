namespace Automation.Engine.Content;

/// <summary>A template's content as a marketer writes it: the parts of a save and of a preview of unsaved work.</summary>
public sealed record EmailTemplateDraft(
    string Name,
    string Subject,
    string? Preheader,
    string? FromName,
    string? FromAddress,
    string? Html,
    string? Text);
