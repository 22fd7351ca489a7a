using System.Globalization;
using Automation.Plugins.Sdk;
using Automation.Storage.Profiles;

namespace Automation.Engine.Dispatch;

/// <summary>What a connector learns about a customer: contact details and the profile fields templates use.</summary>
public static class CustomerSnapshots
{
    public static CustomerSnapshot From(string customerId, CustomerProfile? p)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (p is not null)
        {
            fields["purchases"] = p.Purchases.ToString(CultureInfo.InvariantCulture);
            fields["monetary"] = p.Monetary.ToString("0.00", CultureInfo.InvariantCulture);
            fields["lastSeen"] = p.LastSeen.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            fields["rfmSegment"] = p.RfmSegment ?? "";
            if (p.ChurnRisk is { } churn)
            {
                fields["churnRisk"] = churn.ToString("0.00", CultureInfo.InvariantCulture);
            }
        }

        return new CustomerSnapshot(customerId, p?.Email, p?.Name, p?.Phone, p?.TimeZone, fields);
    }
}
