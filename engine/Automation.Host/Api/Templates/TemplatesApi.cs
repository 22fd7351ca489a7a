using System.Text.Json;
using System.Text.RegularExpressions;
using Automation.Composition.Plugins;
using Automation.Engine.Actions;
using Automation.Engine.Content;
using Automation.Engine.Dispatch;
using Automation.Host.Access;
using Automation.Host.Approvals;
using Automation.Host.Plugins;
using Automation.Plugins.Sdk;
using Automation.Storage;
using Automation.Storage.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Api.Templates;

/// <summary>The email template library: list, edit, preview for a customer, test-send to oneself.</summary>
public static partial class TemplatesApi
{
    public static void MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/templates").RequireAuthorization(Policies.Design).WithTags("Email templates");
        group.MapGet("/", ListAsync).WithSummary("The template library, by name").Produces<IReadOnlyList<TemplateSummary>>();
        group.MapGet("/{key}", GetAsync).WithSummary("One template as stored, with the placeholders it may use")
            .Produces<TemplateView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithSummary("Add a template; every problem is listed by field and nothing is stored")
            .Accepts<TemplateInput>("application/json")
            .Produces<TemplateSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{key}", SaveAsync).WithSummary("Create or change a template (its version counts up)")
            .Accepts<TemplateInput>("application/json")
            .Produces<TemplateSaved>().Produces<TemplateSaved>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/preview", PreviewAsync).WithSummary("Render unsaved content for one customer, exactly as it would be sent")
            .Produces<TemplatePreview>().ProducesValidationProblem();
        group.MapPost("/{key}/test", TestSendAsync).WithSummary("Send the saved template, personalized for a customer, to the signed-in person")
            .Produces<TestSent>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ListAsync(IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var records = await db.EmailTemplates.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(records.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .Select(t => new TemplateSummary(t.Key, t.Name, t.Subject, t.Preheader, t.Version, t.BuiltIn, t.UpdatedBy, t.UpdatedAt)).ToList());
    }

    private static async Task<IResult> GetAsync(string key, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var t = await db.EmailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
        return t is null
            ? Problems.NotFound($"no email template '{key}'")
            : TypedResults.Ok(new TemplateView(t.Key, t.Name, t.Subject, t.Preheader, t.FromName, t.FromAddress, t.Html, t.Text, t.Version, t.BuiltIn, t.UpdatedBy, t.UpdatedAt, TemplateValues.Names));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, HttpContext http, EmailTemplateService service, CancellationToken ct)
    {
        var (input, problem) = await request.ReadJsonAsync<TemplateInput>(JsonSerializerOptions.Web, ct);
        if (problem is not null)
        {
            return problem;
        }

        return await StoreAsync(input!.Key ?? "", input, http, service, create: true, ct);
    }

    private static async Task<IResult> SaveAsync(string key, HttpRequest request, HttpContext http, EmailTemplateService service, CancellationToken ct)
    {
        var (input, problem) = await request.ReadJsonAsync<TemplateInput>(JsonSerializerOptions.Web, ct);
        if (problem is not null)
        {
            return problem;
        }

        return await StoreAsync(key, input!, http, service, create: false, ct);
    }

    private static async Task<IResult> StoreAsync(string key, TemplateInput input, HttpContext http, EmailTemplateService service, bool create, CancellationToken ct)
    {
        if (!KeyPattern().IsMatch(key))
        {
            return Problems.Validation("key", "template keys are 1–60 lower-case letters, digits and dashes, starting with a letter");
        }

        var result = await service.SaveAsync(key, Draft(input), http.Actor(), create, ct);
        if (result.Conflict is not null)
        {
            return Problems.Conflict(result.Conflict);
        }

        if (!result.Succeeded)
        {
            return Problems.Validation("The template has problems; nothing was saved", result.Problems.Select(p => new ProblemItem(null, p.Field, p.Message)).ToList());
        }

        var saved = new TemplateSaved(key, result.Version);
        return result.Created ? TypedResults.Created($"/api/templates/{key}", saved) : TypedResults.Ok(saved);
    }

    private static async Task<IResult> PreviewAsync(TemplatePreviewRequest body, IDbContextFactory<AutomationDbContext> databases, IConfiguration configuration, IOptions<DigestSmtpSettings> mail, CancellationToken ct)
    {
        if (body.Template is null)
        {
            return Problems.Validation("template", "the template to preview is missing");
        }

        var (customer, problem) = await CustomerAsync(body.CustomerId, databases, ct);
        if (problem is not null)
        {
            return problem;
        }

        var draft = Draft(body.Template);
        var problems = EmailTemplateProblems.Of(draft).Where(p => p.Field != "name").ToList();
        if (problems.Count > 0)
        {
            return Problems.Validation("The template has problems", problems.Select(p => new ProblemItem(null, "template." + p.Field, p.Message)).ToList());
        }

        var record = new EmailTemplateRecord { Key = "preview", Name = draft.Name, Subject = draft.Subject, Preheader = draft.Preheader ?? "", FromName = draft.FromName ?? "", FromAddress = draft.FromAddress ?? "", Html = draft.Html ?? "", Text = draft.Text ?? "" };
        try
        {
            var email = EmailTemplateRenderer.Render(record, new EmailRenderRequest("preview", customer!, UnsubscribeUrl(configuration, customer!.CustomerId)));
            var sender = mail.Value;
            return TypedResults.Ok(new TemplatePreview(
                customer.CustomerId, customer.Name, email.Subject, email.Preheader, Or(email.FromName, sender.FromName), Or(email.FromAddress, sender.FromAddress), email.Html, email.Text));
        }
        catch (EmailTemplateException ex)
        {
            return Problems.Validation("template", ex.Message);
        }
    }

    private static async Task<IResult> TestSendAsync(
        string key, TestSendRequest body, HttpContext http, IDbContextFactory<AutomationDbContext> databases, IEmailTemplates templates,
        ActionCatalog actions, PluginRegistry plugins, ILoggerFactory loggers, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        var (customer, problem) = await CustomerAsync(body.CustomerId, databases, ct);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var actor = http.Actor();
        var me = await db.Users.AsNoTracking().Where(u => u.Email == actor).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (me is null)
        {
            return Problems.Forbidden("a test email goes to the signed-in person's address; sign in as a person");
        }

        var toMe = customer! with { Email = me.Email };
        try
        {
            await templates.RenderAsync(new EmailRenderRequest(key, toMe, UnsubscribeUrl(configuration, toMe.CustomerId)), ct);
        }
        catch (EmailTemplateException ex)
        {
            return ex.Message.StartsWith("no email template", StringComparison.Ordinal) ? Problems.NotFound(ex.Message) : Problems.Validation("template", ex.Message);
        }

        if (!actions.TryGet("email.send", out var action))
        {
            return TypedResults.Problem(title: "No email connector", detail: "the Email plugin is not loaded, so nothing can be sent", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // Through the email connector itself, so the test shows what customers get (sender, headers, unsubscribe link),
        // but not through the dispatch log and its guards: it goes to the person asking, never to the customer.
        var id = Guid.NewGuid();
        var input = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["template"] = key });
        var result = await plugins.CreateHandler(action, loggers).HandleAsync(new ActionRequest(id, action.Type, $"test:{id}", toMe, input, new ActionContext(null, null, null, []), 1), ct);
        if (result.Outcome != ActionOutcome.Succeeded)
        {
            return TypedResults.Problem(title: "The test email was not sent", detail: result.Detail, statusCode: StatusCodes.Status502BadGateway);
        }

        Engine.Audit.AuditLog.Write(db, actor, "template.test-sent", $"email-template/{key}", $"personalized for {toMe.CustomerId}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new TestSent(me.Email, key, result.Detail ?? "sent"));
    }

    private static async Task<(CustomerSnapshot? Customer, IResult? Problem)> CustomerAsync(string? customerId, IDbContextFactory<AutomationDbContext> databases, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return (null, Problems.Validation("customerId", "choose the customer whose profile personalizes the email"));
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == customerId, ct);
        return profile is null
            ? (null, Problems.Validation("customerId", $"no customer '{customerId}'"))
            : (CustomerSnapshots.From(customerId, profile), null);
    }

    private static EmailTemplateDraft Draft(TemplateInput input) =>
        new(input.Name ?? "", input.Subject ?? "", input.Preheader, input.FromName, input.FromAddress, input.Html, input.Text);

    private static string UnsubscribeUrl(IConfiguration configuration, string customerId)
    {
        // The email plugin's setting and default (EmailSettings.UnsubscribeUrl), which builds the link the same way.
        var baseUrl = configuration[$"{DigestSmtpSettings.Section}:UnsubscribeUrl"] ?? "http://localhost:5080/unsubscribe";
        return $"{baseUrl}?customer={Uri.EscapeDataString(customerId)}";
    }

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,59}$")]
    private static partial Regex KeyPattern();
}
