using System.Security.Cryptography;
using Automation.Engine.Configuration;
using Automation.Engine.Content;
using Automation.Engine.Events;
using Automation.Engine.Rules;
using Automation.Engine.Segments;
using Automation.Engine.Workflows.Authoring;
using Automation.Engine.Workflows.Definitions;
using Automation.Host.Access;
using Automation.Storage;
using Automation.Storage.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Automation.Host.Seeding;

/// <summary>
/// Start-up data: the first admin, the built-in segments and the shipped workflows always; with SeedDemoData on an
/// empty database also demo users, an API key and a few hundred synthetic customers (printed once) with the segment
/// sizes their history implies for the past days.
/// </summary>
public static partial class Seeder
{
    public const int DemoCustomerCount = 300;

    public static async Task SeedAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services;
        var options = services.GetRequiredService<IOptions<AutomationOptions>>().Value;
        var databases = services.GetRequiredService<IDbContextFactory<AutomationDbContext>>();
        var hasher = services.GetRequiredService<IPasswordHasher<UserAccount>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var firstStart = false;
        var generated = new List<(string Email, string Password)>();
        string? apiKey = null;

        await using (var db = await databases.CreateDbContextAsync())
        {
            if (!await db.Users.AnyAsync())
            {
                firstStart = true;
                // A configured password is the operator's: it is used, never printed. Every other account gets its own.
                var adminPassword = options.Admin.Password ?? Remember(generated, options.Admin.Email, NewPassword());
                AddUser(db, hasher, options.Admin.Email, "Administrator", adminPassword, [Roles.Admin, Roles.Marketer, Roles.Integrator], now);
                if (options.SeedDemoData)
                {
                    AddUser(db, hasher, "marketer@automation.local", "Mia Marketer", Remember(generated, "marketer@automation.local", NewPassword()), [Roles.Marketer], now);
                    AddUser(db, hasher, "approver@automation.local", "Alex Approver", Remember(generated, "approver@automation.local", NewPassword()), [Roles.Approver], now);
                }
            }

            if (options.SeedDemoData && !await db.ApiKeys.AnyAsync() && options.ApiKeys.Count == 0)
            {
                apiKey = ApiKeys.Create();
                db.ApiKeys.Add(new ApiKeyRecord { KeyHash = ApiKeys.Hash(apiKey), Name = "demo key", Prefix = apiKey[..8], Scope = KeyScopes.Ingest, CreatedBy = "system", CreatedAt = now });
            }

            var known = await db.Segments.Select(s => s.Key).ToListAsync();
            foreach (var segment in BuiltInSegments.All().Where(s => !known.Contains(s.Key)))
            {
                segment.UpdatedAt = now;
                db.Segments.Add(segment);
            }

            await EmailTemplateService.AddBuiltInAsync(db, now, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var shipped = ShippedFolder(app, options.WorkflowsPath);
        await ImportShippedRuleSetsAsync(app, databases, shipped);
        await ImportShippedWorkflowsAsync(app, databases, shipped);

        if (options.SeedDemoData)
        {
            await using var db = await databases.CreateDbContextAsync();
            if (!await db.Events.AnyAsync())
            {
                var events = DemoCustomers.Generate(DemoCustomerCount, now);
                var ingestion = services.GetRequiredService<EventIngestion>();
                var result = await ingestion.IngestAsync(events, CancellationToken.None);
                LogDemoCustomers(app.Logger, DemoCustomerCount, result.Accepted);

                // The engine starts today, the demo's history months ago: replay it so each size chart has its past.
                var replay = System.Diagnostics.Stopwatch.StartNew();
                var snapshots = await ActivatorUtilities.CreateInstance<DemoSizeHistory>(services).WriteAsync(now, CancellationToken.None);
                LogDemoSizeHistory(app.Logger, DemoSizeHistory.Days - 1, snapshots, replay.ElapsedMilliseconds);
            }
        }

        // Once the server listens: only then are the addresses known that --urls (or ASPNETCORE_URLS) bound.
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(options, ListeningOn(app), firstStart ? generated : [], firstStart ? apiKey : null, firstStart, JsonLogs(app.Configuration)));
    }

    private static IReadOnlyCollection<string> ListeningOn(WebApplication app) =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    private static string? ShippedFolder(WebApplication app, string? configured)
    {
        var folder = !string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(configured)
            : new[] { Path.Combine(AppContext.BaseDirectory, "workflows"), Path.Combine(app.Environment.ContentRootPath, "workflows") }.FirstOrDefault(Directory.Exists);
        return folder is not null && Directory.Exists(folder) ? folder : null;
    }

    /// <summary>Rule sets under workflows/rule-sets, before the workflows that use them; ones already stored are left as edited.</summary>
    private static async Task ImportShippedRuleSetsAsync(WebApplication app, IDbContextFactory<AutomationDbContext> databases, string? folder)
    {
        var catalog = app.Services.GetRequiredService<RuleSetCatalog>();
        var ruleSets = folder is null ? null : Path.Combine(folder, "rule-sets");
        if (ruleSets is not null && Directory.Exists(ruleSets))
        {
            var service = app.Services.GetRequiredService<RuleSetService>();
            await using var db = await databases.CreateDbContextAsync();
            var existing = await db.RuleSets.Select(r => r.Key).ToListAsync();
            foreach (var file in Directory.GetFiles(ruleSets, "*.json").Order(StringComparer.Ordinal))
            {
                var shipped = ShippedRuleSet.Read(file);
                if (shipped is null)
                {
                    LogShippedWorkflowSkipped(app.Logger, Path.GetFileName(file), "not a rule set file: {\"key\", \"name\", \"rules\"}");
                    continue;
                }

                if (existing.Contains(shipped.Key))
                {
                    continue;
                }

                var saved = await service.SaveAsync(shipped.Key, shipped.Name, shipped.Description, shipped.Rules, "system", builtIn: true, CancellationToken.None);
                if (!saved.Succeeded)
                {
                    LogShippedWorkflowSkipped(app.Logger, Path.GetFileName(file), saved.Conflict ?? string.Join("; ", saved.Problems.Select(p => $"{p.Field}: {p.Message}")));
                }
            }
        }

        await catalog.RefreshAsync(CancellationToken.None);
    }

    private static async Task ImportShippedWorkflowsAsync(WebApplication app, IDbContextFactory<AutomationDbContext> databases, string? folder)
    {
        if (folder is null)
        {
            return;
        }

        var service = app.Services.GetRequiredService<WorkflowService>();
        await using var db = await databases.CreateDbContextAsync();
        var existing = await db.Workflows.Select(w => w.Id).ToListAsync();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            WorkflowDefinition definition;
            try
            {
                definition = WorkflowJson.Parse(await File.ReadAllTextAsync(file));
            }
            catch (System.Text.Json.JsonException ex)
            {
                LogShippedWorkflowSkipped(app.Logger, Path.GetFileName(file), ex.Message);
                continue;
            }

            if (existing.Contains(definition.Id))
            {
                continue;
            }

            var saved = await service.SaveDraftAsync(definition, "system", mustBeNew: true, CancellationToken.None);
            var published = saved.Succeeded ? await service.PublishAsync(definition.Id, "system", CancellationToken.None) : saved;
            if (published is { Succeeded: false })
            {
                LogShippedWorkflowSkipped(app.Logger, Path.GetFileName(file), string.Join("; ", published.Problems.Select(p => $"{p.Field}: {p.Message}")));
            }
        }
    }

    private static void AddUser(AutomationDbContext db, IPasswordHasher<UserAccount> hasher, string email, string name, string password, string[] roles, DateTime now)
    {
        var user = new UserAccount { Email = email.ToLowerInvariant(), DisplayName = name, PasswordHash = "", Roles = string.Join(',', roles), CreatedAt = now, SecurityStamp = SessionStamps.NewStamp() };
        user.PasswordHash = hasher.HashPassword(user, password);
        db.Users.Add(user);
    }

    private static string NewPassword() => "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();

    private static string Remember(List<(string Email, string Password)> generated, string email, string password)
    {
        generated.Add((email.ToLowerInvariant(), password));
        return password;
    }

    /// <summary>Printed to the console once, not logged: generated passwords and the demo key only, never a configured password.</summary>
    /// <summary>JSON console logs go to a log store, where an email address (personal data) must not land.</summary>
    private static bool JsonLogs(IConfiguration configuration) =>
        string.Equals(configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase);

    private static void PrintWelcome(AutomationOptions options, IReadOnlyCollection<string> addresses, List<(string Email, string Password)> generated, string? apiKey, bool firstStart, bool jsonLogs)
    {
        Console.WriteLine();
        Console.WriteLine($"  Automation is ready on {(addresses.Count == 0 ? "(no HTTP address bound)" : string.Join(", ", addresses))}");
        if (!firstStart)
        {
            Console.WriteLine();
            return;
        }

        if (options.Admin.Password is not null)
        {
            Console.WriteLine(jsonLogs
                ? "  Sign in as the account of Automation:Admin:Email with the password from Automation:Admin:Password"
                : $"  Sign in as {options.Admin.Email} with the password from Automation:Admin:Password");
        }

        foreach (var (email, password) in generated)
        {
            Console.WriteLine($"  Sign in as {email} with password {password}");
        }

        if (apiKey is not null)
        {
            Console.WriteLine($"  Demo API key for POST /api/events (header X-Api-Key): {apiKey}");
        }

        if (generated.Count > 0 || apiKey is not null)
        {
            Console.WriteLine("  These are shown once; keep them.");
        }

        Console.WriteLine();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Customers} demo customers with {Events} events")]
    private static partial void LogDemoCustomers(ILogger logger, int customers, int events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed the demo's history into segment sizes of the past {Days} days ({Snapshots} snapshots) in {Milliseconds} ms")]
    private static partial void LogDemoSizeHistory(ILogger logger, int days, int snapshots, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipped workflow {File} was not imported: {Reason}")]
    private static partial void LogShippedWorkflowSkipped(ILogger logger, string file, string reason);
}
