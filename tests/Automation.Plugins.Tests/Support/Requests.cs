using System.Text.Json;
using Automation.Plugins.Sdk;

namespace Automation.Plugins.Tests.Support;

/// <summary>Dispatches and customers as the engine would hand them to a connector.</summary>
public static class Requests
{
    public static ActionContext NoContext { get; } = new(null, null, null, []);

    public static CustomerSnapshot Customer(
        string id = "c-1001",
        string? email = "jane.doe@example.com",
        string? name = "Jane Doe",
        string? phone = null,
        IReadOnlyDictionary<string, string>? fields = null) =>
        new(id, email, name, phone, "Europe/Berlin", fields ?? new Dictionary<string, string>(StringComparer.Ordinal));

    public static ActionRequest For(string actionType, CustomerSnapshot customer, object input, ActionContext? context = null)
    {
        var actionId = Guid.NewGuid();
        return new ActionRequest(
            actionId,
            actionType,
            $"wf-test:{actionId:N}",
            customer,
            JsonSerializer.SerializeToElement(input, JsonSerializerOptions.Web),
            context ?? NoContext,
            Attempt: 1);
    }
}
