using System.Collections.Concurrent;
using Automation.Plugins.Sdk;
using Automation.Storage;
using Automation.Storage.Content;
using Microsoft.EntityFrameworkCore;

namespace Automation.Engine.Content;

/// <summary>
/// The stored templates as connectors see them: looked up by key and rendered for one customer. A template read is
/// kept for <see cref="Kept"/>: a send to a whole segment renders one template thousands of times a second, and a
/// query each was a fifth of the dispatch path's cost. A change saved in this process shows at once (the service
/// invalidates), another process's within the interval. While the database is unreachable, the last read serves.
/// </summary>
public sealed class EmailTemplateLibrary(IDbContextFactory<AutomationDbContext> databases, TimeProvider clock) : IEmailTemplates
{
    public static readonly TimeSpan Kept = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (EmailTemplateRecord? Template, long ReadAt)> read = new(StringComparer.Ordinal);
    private int version;

    public async Task<RenderedEmail> RenderAsync(EmailRenderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var template = await TemplateAsync(request.TemplateKey, cancellationToken)
            ?? throw new EmailTemplateException($"no email template '{request.TemplateKey}' in the template library");
        return EmailTemplateRenderer.Render(template, request);
    }

    /// <summary>A template was saved here: the next render reads the library again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        read.Clear();
    }

    private async Task<EmailTemplateRecord?> TemplateAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (read.TryGetValue(key, out var kept) && now - kept.ReadAt < Kept.Ticks)
        {
            return kept.Template;
        }

        var reading = Volatile.Read(ref version);
        EmailTemplateRecord? template;
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            template = await db.EmailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        }
        catch (Exception ex) when (InfrastructureFaults.IsInfrastructure(ex) && !cancellationToken.IsCancellationRequested && read.TryGetValue(key, out var last))
        {
            // Our database is down, not the connector's system: the last read renders on, so emails in flight keep going
            // out (their outcomes wait for the database) instead of spending the connector's retries on our outage.
            return last.Template;
        }

        if (reading == Volatile.Read(ref version))
        {
            read[key] = (template, now); // not when a save came in meanwhile: it may be newer than this read
        }

        return template;
    }
}
