using Automation.Plugins.Sdk;
using Automation.Storage;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Content;

/// <summary>The stored templates as connectors see them: looked up by key and rendered for one customer.</summary>
public sealed class EmailTemplateLibrary(IDbContextFactory<AutomationDbContext> databases) : IEmailTemplates
{
    public async Task<RenderedEmail> RenderAsync(EmailRenderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var template = await db.EmailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == request.TemplateKey, cancellationToken)
            ?? throw new EmailTemplateException($"no email template '{request.TemplateKey}' in the template library");
        return EmailTemplateRenderer.Render(template, request);
    }
}
