using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Automation.Testing.Elsa;

namespace Automation.Integration.Tests.Workflows;

/// <summary>An Elsa 3 export posted to the API: what a marketer gets back, and what saving it then says.</summary>
public sealed class ElsaImportApiTests : IDisposable
{
    private readonly AutomationHost host = AutomationHost.Embedded();

    [Fact]
    public async Task Imported_elsa_flowchart_maps_fork_and_join_and_keeps_what_has_no_counterpart_as_a_placeholder_the_draft_must_replace()
    {
        using var designer = await host.AdminAsync();

        using var response = await designer.PostAsync(new Uri("/api/workflows/import/elsa", UriKind.Relative), new StringContent(ElsaExports.CartFollowUp, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["Script1 Elsa.RunJavaScript"],
            body.GetProperty("unmapped").EnumerateArray().Select(u => $"{u.GetProperty("activityId").GetString()} {u.GetProperty("elsaType").GetString()}"));
        var definition = body.GetProperty("definition");
        var activities = definition.GetProperty("activities").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a);
        Assert.Equal("elsa.unmapped", activities["Script1"].GetProperty("type").GetString());
        Assert.Equal("Elsa.RunJavaScript", activities["Script1"].GetProperty("elsaType").GetString());
        Assert.Equal("waitForEvent", activities["Event1"].GetProperty("type").GetString());
        Assert.Equal("fork", activities["FlowFork1"].GetProperty("type").GetString());
        Assert.Equal("join", activities["FlowJoin1"].GetProperty("type").GetString());
        Assert.Equal(-400, definition.GetProperty("layout").GetProperty("Script1").GetProperty("x").GetDouble());
        Assert.Contains(definition.GetProperty("connections").EnumerateArray(), c => c.GetProperty("from").GetString() == "Script1" && c.GetProperty("to").GetString() == "FlowJoin1");
        Assert.Contains(body.GetProperty("toFinish").EnumerateArray(), n => n.GetProperty("activityId").GetString() == "trigger");

        // Saving the draft as imported is refused, naming each placeholder.
        using var saved = await designer.PostAsync(new Uri("/api/workflows", UriKind.Relative), new StringContent(definition.GetRawText(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        var problem = await saved.Content.ReadAsStringAsync();
        Assert.Contains("unmapped Elsa activity Script1 of type Elsa.RunJavaScript: replace it before publishing", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("FlowFork1 of type", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_that_is_not_a_flowchart_is_refused_with_the_reason()
    {
        using var designer = await host.AdminAsync();

        using var response = await designer.PostAsync(new Uri("/api/workflows/import/elsa", UriKind.Relative), new StringContent("""{ "root": { "type": "Elsa.Sequence", "activities": [] } }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("only Elsa.Flowchart exports can be imported", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => host.Dispose();
}
