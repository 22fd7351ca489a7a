using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Approvals;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Access;

public sealed class KeyAccessTests(ApprovalsHost fixture) : IClassFixture<ApprovalsHost>
{
    private static readonly string[] PersonalData =
        ["/api/customers", "/api/customers/{0}", "/api/customers/{0}/events", "/api/approvals", "/api/actions", "/api/audit", "/api/workflows", "/api/dashboard", "/api/segments/at-risk/members"];

    private readonly AutomationHost host = fixture.Host;

    [Fact]
    public async Task An_ingestion_key_ingests_events_and_reads_no_customer_data()
    {
        var (customer, email) = NewCustomer("keyed");
        using var key = host.ApiClient();
        using (var ingested = await key.PostAsJsonAsync("/api/events", new { events = new[] { Event(customer, "identify", DateTime.UtcNow, new { email, name = "Kay Keyed", phone = "+15550100" }) } }))
        {
            Assert.Equal(HttpStatusCode.Accepted, ingested.StatusCode);
        }

        using var admin = await host.AdminAsync();
        await Poll.UntilAsync(async () => (await admin.GetAsync($"/api/customers/{customer}")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        foreach (var path in PersonalData.Select(p => string.Format(System.Globalization.CultureInfo.InvariantCulture, p, customer)))
        {
            using var refused = await key.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(HttpStatusCode.Forbidden == refused.StatusCode, $"GET {path} with an ingestion key answered {(int)refused.StatusCode}");
            Assert.DoesNotContain(email, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_integrator_runs_plugins_but_reads_no_customer_data()
    {
        using var admin = await host.AdminAsync();
        using var integrator = await host.PersonAsync(admin, $"integrator-{Guid.NewGuid():N}@example.test", "integrator");
        foreach (var path in PersonalData.Where(p => p != "/api/dashboard").Select(p => string.Format(System.Globalization.CultureInfo.InvariantCulture, p, "anyone")))
        {
            using var refused = await integrator.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(HttpStatusCode.Forbidden == refused.StatusCode, $"GET {path} as an integrator answered {(int)refused.StatusCode}");
        }

        using var plugins = await integrator.GetAsync(new Uri("/api/plugins", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, plugins.StatusCode);
    }

    [Fact]
    public async Task Admins_list_label_scope_and_revoke_keys_and_a_revoked_key_gets_401()
    {
        using var admin = await host.AdminAsync();
        using (var badScope = await admin.PostAsJsonAsync("/api/keys", new { name = "root", scope = "everything" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
            Assert.Equal("choose ingest or reporting", (await badScope.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("scope")[0].GetString());
        }

        var shop = await CreateKeyAsync(admin, "web shop", "ingest");
        var reports = await CreateKeyAsync(admin, "BI dashboard", "reporting");

        using var shopClient = KeyClient(shop.Key);
        using var reportsClient = KeyClient(reports.Key);
        var (customer, _) = NewCustomer("shop");
        var batch = new { events = new[] { Event(customer, "page_view", DateTime.UtcNow) } };
        using (var ingested = await shopClient.PostAsJsonAsync("/api/events", batch))
        {
            Assert.Equal(HttpStatusCode.Accepted, ingested.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await reportsClient.GetAsync(new Uri("/api/dashboard", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reportsClient.GetAsync(new Uri("/api/segments", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reportsClient.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reportsClient.PostAsJsonAsync("/api/events", batch)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await shopClient.GetAsync(new Uri("/api/keys", UriKind.Relative))).StatusCode);
        using var marketer = await host.PersonAsync(admin, $"key-marketer-{Guid.NewGuid():N}@example.test", "marketer");
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.GetAsync(new Uri("/api/keys", UriKind.Relative))).StatusCode);

        using var listedResponse = await admin.GetAsync(new Uri("/api/keys", UriKind.Relative));
        var listedText = await listedResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain(shop.Key, listedText, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(listedText).RootElement.EnumerateArray().ToList();
        var shopListed = listed.Single(k => k.GetProperty("id").GetString() == shop.Id);
        Assert.Equal("ingest", shopListed.GetProperty("scope").GetString());
        Assert.Equal(JsonValueKind.String, shopListed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal("reporting", listed.Single(k => k.GetProperty("id").GetString() == reports.Id).GetProperty("scope").GetString());
        Assert.Contains(listed, k => k.GetProperty("source").GetString() == "configuration" && k.GetProperty("scope").GetString() == "ingest");

        using (var relabelled = await admin.PutAsJsonAsync($"/api/keys/{shop.Id}", new { name = "web shop (EU)" }))
        {
            Assert.Equal("web shop (EU)", (await relabelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        }

        using (var revoked = await admin.DeleteAsync(new Uri($"/api/keys/{shop.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await shopClient.PostAsJsonAsync("/api/events", batch)).StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/keys");
        Assert.Equal(JsonValueKind.String, after.EnumerateArray().Single(k => k.GetProperty("id").GetString() == shop.Id).GetProperty("revokedAt").ValueKind);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/audit?take=500");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "apikey.revoked" && e.GetProperty("subject").GetString() == $"apikey/{shop.Id}");
    }

    private HttpClient KeyClient(string key)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task<(string Id, string Key)> CreateKeyAsync(HttpClient admin, string name, string scope)
    {
        using var created = await admin.PostAsJsonAsync("/api/keys", new { name, scope });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(scope, body.GetProperty("scope").GetString());
        return (body.GetProperty("id").GetString()!, body.GetProperty("key").GetString()!);
    }
}
