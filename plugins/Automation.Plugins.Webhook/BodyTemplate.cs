using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Automation.Plugins.Sdk;

namespace Automation.Plugins.Webhook;

/// <summary>Fills {{ field }} placeholders in a JSON body, escaping each value so it cannot break out of its string.</summary>
public static partial class BodyTemplate
{
    public static string Render(string template, CustomerSnapshot customer)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(customer);
        return Placeholder().Replace(template, m => JsonEncodedText.Encode(Value(m.Groups[1].Value, customer), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString());
    }

    private static string Value(string field, CustomerSnapshot customer) => field switch
    {
        "customerId" => customer.CustomerId,
        "email" => customer.Email ?? "",
        "name" => customer.Name ?? "",
        "phone" => customer.Phone ?? "",
        "timeZone" => customer.TimeZone ?? "",
        _ => customer.Fields.TryGetValue(field, out var v) ? v : "",
    };

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
