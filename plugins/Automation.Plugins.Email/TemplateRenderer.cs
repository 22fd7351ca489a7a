using System.Net;
using System.Text.RegularExpressions;
using Automation.Plugins.Sdk;

namespace Automation.Plugins.Email;

/// <summary>Fills {{ field }} placeholders from the customer snapshot; HTML parts get encoded values.</summary>
public static partial class TemplateRenderer
{
    public static string Render(string template, CustomerSnapshot customer, bool html)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(customer);
        return Placeholder().Replace(template, m =>
        {
            var value = Value(m.Groups[1].Value, customer);
            return html ? WebUtility.HtmlEncode(value) : value;
        });
    }

    private static string Value(string field, CustomerSnapshot customer) => field switch
    {
        "customerId" => customer.CustomerId,
        "email" => customer.Email ?? "",
        "name" => string.IsNullOrWhiteSpace(customer.Name) ? "there" : customer.Name,
        "phone" => customer.Phone ?? "",
        _ => customer.Fields.TryGetValue(field, out var v) ? v : "",
    };

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
