using Automation.Composition.Configuration;
using Automation.Composition.Plugins;
using Automation.Composition.Storage;
using Automation.Host;
using Automation.Host.Access;
using Automation.Host.Api;
using Automation.Host.Api.Outbox;
using Automation.Host.Api.Templates;
using Automation.Host.Approvals;
using Automation.Host.Configuration;
using Automation.Host.Health;
using Automation.Host.Messaging;
using Automation.Host.Outages;
using Automation.Host.Plugins;
using Automation.Host.Security;
using Automation.Host.Seeding;
using Automation.Host.Telemetry;
using Automation.Host.Training;

var builder = EngineBuilder.CreateWeb(args);

builder.AddOutageHandling();
builder.AddTelemetry();
builder.AddAutomationOptions();
builder.AddStorage();
builder.AddEngine();
builder.AddApprovalDigest();
builder.AddTraining();
builder.AddPlugins();
builder.AddMessaging();
builder.AddEdgeSecurity();
builder.AddAccess();
builder.AddApi();
builder.AddHealth();

var app = builder.Build();

await app.CheckStartupAsync();
await app.MigrateDatabaseAsync();
await app.SeedAsync();
await app.CompileSegmentsAsync();

app.UseEdgeSecurity();
app.UseApiProblems();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAccess();

app.MapAccessApi();
app.MapEventsApi();
app.MapCustomersApi();
app.MapSegmentsApi();
app.MapRuleSetsApi();
app.MapTemplatesApi();
app.MapExpressionsApi();
app.MapActivitiesApi();
app.MapWorkflowsApi();
app.MapWorkflowRunsApi();
app.MapWebhooksApi();
app.MapApprovalsApi();
app.MapApprovalGroupsApi();
app.MapActionsApi();
app.MapErrorQueuesApi();
app.MapSuppressionsApi();
app.MapOutboxApi();
app.MapPluginsApi();
app.MapConnectorsApi();
app.MapScoresApi();
app.MapScoreModelsApi();
app.MapDashboardApi();
app.MapDiscoveryApi();
app.MapProcessingApi();
app.MapClusterApi();
app.MapOperationsApi();
app.MapHealth();
app.MapMetrics();
app.MapDesignerFallback();

await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
