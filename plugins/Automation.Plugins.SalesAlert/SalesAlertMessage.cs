using Automation.Plugins.Sdk;

namespace Automation.Plugins.SalesAlert;

/// <summary>What an alert says, independent of where it goes: the webhook and the email are both rendered from it.</summary>
public sealed record SalesAlertMessage(
    string Title,
    IReadOnlyList<AlertFact> Facts,
    IReadOnlyList<AlertFact> Scores,
    IReadOnlyList<string> Reasons,
    string? Note)
{
    // Scores first, in the order sales reads them; any other profile field follows by name.
    private static readonly IReadOnlyList<(string Field, string Label)> KnownFields =
    [
        ("churnRisk", "Churn risk"),
        ("purchasePropensity", "Purchase propensity"),
        ("rfmSegment", "RFM segment"),
        ("purchases", "Purchases"),
        ("monetary", "Monetary"),
        ("lastSeen", "Last seen"),
    ];

    public static SalesAlertMessage From(ActionRequest request, SalesAlertInput input)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        var customer = request.Customer;
        var context = request.Context;
        var who = string.IsNullOrWhiteSpace(customer.Name) ? customer.CustomerId : customer.Name;

        var facts = new List<AlertFact> { new("Customer", customer.CustomerId) };
        AddIfPresent(facts, "Name", customer.Name);
        AddIfPresent(facts, "Email", customer.Email);
        AddIfPresent(facts, "Phone", customer.Phone);
        AddIfPresent(facts, "Segment", context.Segment);
        AddIfPresent(facts, "Workflow", context.WorkflowId is null ? null : context.WorkflowVersion is { } v ? $"{context.WorkflowId} v{v}" : context.WorkflowId);
        AddIfPresent(facts, "Owner", input.Owner);

        var scores = new List<AlertFact>();
        foreach (var (field, label) in KnownFields)
        {
            if (customer.Fields.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                scores.Add(new AlertFact(label, value));
            }
        }

        foreach (var (field, value) in customer.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!KnownFields.Any(k => k.Field == field) && !string.IsNullOrWhiteSpace(value))
            {
                scores.Add(new AlertFact(field, value));
            }
        }

        return new SalesAlertMessage(
            context.Segment is { Length: > 0 } segment ? $"Sales alert: {who} ({segment})" : $"Sales alert: {who}",
            facts,
            scores,
            [.. context.Reasons.Select(r => r.Text).Where(t => !string.IsNullOrWhiteSpace(t))],
            string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim());
    }

    /// <summary>The alert as plain text, for the email body and the webhook's notification fallback.</summary>
    public string ToText()
    {
        var lines = new List<string> { Title, "" };
        lines.AddRange(Facts.Select(f => $"{f.Label}: {f.Value}"));
        if (Scores.Count > 0)
        {
            lines.Add("");
            lines.Add("Scores");
            lines.AddRange(Scores.Select(s => $"  {s.Label}: {s.Value}"));
        }

        if (Reasons.Count > 0)
        {
            lines.Add("");
            lines.Add("Why");
            lines.AddRange(Reasons.Select(r => $"  - {r}"));
        }

        if (Note is not null)
        {
            lines.Add("");
            lines.Add($"Note: {Note}");
        }

        return string.Join('\n', lines);
    }

    private static void AddIfPresent(List<AlertFact> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new AlertFact(label, value));
        }
    }
}
