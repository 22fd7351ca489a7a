using System.Text.Json;

namespace Automation.Plugins.Tests.Support;

/// <summary>One request as the fake external server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonElement Json()
    {
        using var doc = JsonDocument.Parse(Body);
        return doc.RootElement.Clone();
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
