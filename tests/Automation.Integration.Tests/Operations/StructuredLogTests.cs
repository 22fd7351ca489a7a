using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Automation.Integration.Tests.EndToEnd;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Operations;

/// <summary>The host's console output as a log store would ingest it with the built-in JSON formatter.</summary>
public sealed partial class StructuredLogTests
{
    [ServiceFact(TestServices.Smtp)]
    public async Task Json_console_logs_carry_trace_span_customer_and_workflow_ids_as_fields_and_no_email_address()
    {
        await using var host = await HostProcess.StartAsync(requireDesigner: false, settings: new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
            ["Logging__LogLevel__Automation.Engine.Dispatch"] = "Debug",
            ["Automation__Access__SignInFailuresPerAccount"] = "1",
        });
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var workflowId = $"logs-{suffix}";
        var customer = $"logs-{suffix}";
        var email = $"reader-{suffix}@example.test";
        using var admin = await host.AdminClientAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction(workflowId, $"logs_go_{suffix}", "email.send", new { template = "welcome" }));
        using (var api = host.ApiClient())
        using (var posted = await api.PostAsJsonAsync("/api/events", new
        {
            events = new object[]
            {
                new { customerId = customer, type = "identify", timestamp = EventToEmailScenario.Iso(DateTime.UtcNow.AddSeconds(-1)), properties = new { email } },
                new { customerId = customer, type = $"logs_go_{suffix}", timestamp = EventToEmailScenario.Iso(DateTime.UtcNow) },
            },
        }))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        var completed = await Poll.UntilAsync(() => admin.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={workflowId}&status=completed"), a => a.GetArrayLength() == 1, TimeSpan.FromSeconds(60));
        Assert.Equal(1, completed.GetArrayLength());
        using (var stranger = new HttpClient { BaseAddress = host.BaseAddress })
        {
            var account = new { email = $"guess-{suffix}@example.test", password = "wrong" };
            using var wrong = await stranger.PostAsJsonAsync("/api/auth/signin", account);
            using var throttled = await stranger.PostAsJsonAsync("/api/auth/signin", account);
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // the console logger writes from its own queue
        var output = host.Output;
        var entries = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.True(e.TryGetProperty("Category", out _) && e.TryGetProperty("LogLevel", out _), e.ToString()));

        var dispatch = entries.Where(e => e.GetProperty("State").TryGetProperty("CustomerId", out var c) && c.GetString() == customer).ToList();
        Assert.True(dispatch.Count > 0, $"no entry names customer {customer} as a field:\n{output}");
        var entry = dispatch[0];
        Assert.Equal(workflowId, entry.GetProperty("State").GetProperty("WorkflowId").GetString());
        var scopes = entry.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var t) && t.GetString() is { Length: 32 } && s.TryGetProperty("SpanId", out var p) && p.GetString() is { Length: 16 });

        Assert.DoesNotContain(email, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EmailAddress(), output);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
