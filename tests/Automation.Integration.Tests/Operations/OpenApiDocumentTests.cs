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
