using Automation.Plugins.Sdk;
using Automation.Plugins.Tests.Support;

namespace Automation.Plugins.Tests.SalesAlert;

/// <summary>A customer and context as an at-risk win-back workflow would hand them to sales.alert.</summary>
public static class Alerts
{
    public static CustomerSnapshot AtRiskCustomer(string name = "Jane Doe") => Requests.Customer(
        id: "c-1001",
        email: "jane.doe@example.com",
        name: name,
        fields: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["churnRisk"] = "0.82",
            ["rfmSegment"] = "at-risk",
            ["purchases"] = "7",
            ["monetary"] = "812.40",
        });

    public static ActionContext WinBackContext { get; } = new(
        "at-risk-winback",
        3,
        "at-risk",
        [
            new ReasonCode("Features.DaysInactive", "41", "No visit in 41 days"),
            new ReasonCode("Features.SupportTickets30d", "2", "2 support tickets in 30 days"),
        ]);
}
