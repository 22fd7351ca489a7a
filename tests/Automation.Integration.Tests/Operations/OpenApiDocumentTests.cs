using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Operations;

/// <summary>The served OpenAPI document describes what every operation answers, so clients can be generated from it.</summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private readonly AutomationHost host = AutomationHost.Embedded();

    [Fact]
    public async Task Every_operation_that_answers_200_or_201_describes_its_response_body()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name is "200" or "201"))
            {
                if (!HasSchema(document, response.Value))
                {
                    missing.Add($"{name} {response.Name}");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} responses without a schema: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_operation_states_who_may_call_it_and_carries_request_and_response_examples()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            if (!operation.TryGetProperty("x-roles", out var roles) || roles.GetArrayLength() == 0)
            {
                missing.Add($"{name}: roles");
            }

            if (operation.TryGetProperty("requestBody", out var body) && !HasExample(body))
            {
                missing.Add($"{name}: request example");
            }

            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _)))
            {
                if (!HasExample(response.Value))
                {
                    missing.Add($"{name}: {response.Name} example");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} gaps: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task The_roles_an_operation_states_are_those_its_policy_lets_in()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => o.Name, o => o.Operation);

        Assert.Equal(["admin"], Roles(operations["DELETE /api/customers/{id}"]));
        Assert.Equal(["marketer", "admin"], Roles(operations["PUT /api/segments/{key}"]));
        Assert.Equal(["approver", "admin"], Roles(operations["POST /api/approvals/{id}/approve"]));
        Assert.Equal(["anonymous"], Roles(operations["POST /api/auth/signin"]));
        var ingest = operations["POST /api/events"];
        Assert.Equal(["integrator", "admin"], Roles(ingest));
        Assert.Equal("ingest", ingest.GetProperty("x-api-key-scope").GetString());
        Assert.Contains("API key of scope ingest", ingest.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.False(operations["GET /api/customers"].TryGetProperty("x-api-key-scope", out _));

        // The examples have the API's own shape: camelCase names, enums as text.
        var batch = ingest.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("c-1042", batch.GetProperty("events")[0].GetProperty("customerId").GetString());
        var accepted = ingest.GetProperty("responses").GetProperty("202").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.True(accepted.TryGetProperty("accepted", out _) && accepted.TryGetProperty("duplicates", out _), accepted.ToString());
        var approval = operations["GET /api/approvals"].GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example")[0];
        Assert.Equal("pending", approval.GetProperty("status").GetString());
    }

    private static string[] Roles(JsonElement operation) =>
        [.. operation.GetProperty("x-roles").EnumerateArray().Select(r => r.GetString()!)];

    private static bool HasExample(JsonElement bodyOrResponse) =>
        bodyOrResponse.TryGetProperty("content", out var content)
        && content.EnumerateObject().Any() && content.EnumerateObject().All(m => m.Value.TryGetProperty("example", out _) || m.Value.TryGetProperty("examples", out _));

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = host.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);

    /// <summary>A JSON body whose schema names a type or a component (not the empty schema of an undeclared body).</summary>
    private static bool HasSchema(JsonElement document, JsonElement response)
    {
        if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty("application/json", out var json)
            || !json.TryGetProperty("schema", out var schema))
        {
            return false;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return document.GetProperty("components").GetProperty("schemas").TryGetProperty(reference.GetString()!.Split('/')[^1], out _);
        }

        return schema.TryGetProperty("type", out _) || schema.TryGetProperty("properties", out _) || schema.TryGetProperty("items", out _);
    }

    public void Dispose() => host.Dispose();
}
