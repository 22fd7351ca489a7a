namespace Automation.Plugins.Sdk;

/// <summary>
/// The host's email template library, offered to connectors through their service container: renders a stored
/// template for one customer, so what is previewed in the web app is what is sent.
/// </summary>
public interface IEmailTemplates
{
    /// <summary>Renders every part of the template or throws <see cref="EmailTemplateException"/>: never half an email.</summary>
    Task<RenderedEmail> RenderAsync(EmailRenderRequest request, CancellationToken cancellationToken);
}
