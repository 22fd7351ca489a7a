using Automation.Plugins.Sdk;

namespace Automation.Engine.Content;

/// <summary>The placeholders a template can use, each with a value for every customer (empty when unknown).</summary>
public static class TemplateValues
{
    /// <summary>Profile fields every customer snapshot may carry; one that is missing renders empty, not as an error.</summary>
    public static IReadOnlyList<string> ProfileFields { get; } = ["purchases", "monetary", "lastSeen", "rfmSegment", "churnRisk"];

    /// <summary>Every name a template may use, for the editor's hints and the docs.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["name", "firstName", "email", "customerId", .. ProfileFields, "segment", "workflow", "unsubscribe_url"];

    public static IReadOnlyDictionary<string, string> For(EmailRenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var c = request.Customer;
        var name = string.IsNullOrWhiteSpace(c.Name) ? "there" : c.Name.Trim();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["firstName"] = name.Split(' ', 2)[0],
            ["email"] = c.Email ?? "",
            ["customerId"] = c.CustomerId,
            ["segment"] = request.Context?.Segment ?? "",
            ["workflow"] = request.Context?.WorkflowId ?? "",
            ["unsubscribe_url"] = request.UnsubscribeUrl,
        };
        foreach (var field in ProfileFields)
        {
            values[field] = c.Fields.TryGetValue(field, out var v) ? v : "";
        }

        foreach (var (field, value) in c.Fields)
        {
            values.TryAdd(field, value);
        }

        return values;
    }
}
