using System.Globalization;
using System.Text.Json;

namespace Automation.Host.Api;

/// <summary>
/// A status query parameter as the API writes statuses (camelCase: "pending", "awaitingApproval"), matched ignoring case;
/// minimal APIs bind enums case-sensitively, which refused the documented lower-case values with a bare 400.
/// </summary>
public static class StatusFilter
{
    /// <summary>The status named (null when none is given), or a 400 problem listing the statuses there are.</summary>
    public static (TEnum? Status, IResult? Problem) Parse<TEnum>(string? text)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var trimmed = text.Trim();
        if (!int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            && Enum.TryParse<TEnum>(trimmed, ignoreCase: true, out var status)
            && Enum.IsDefined(status))
        {
            return (status, null);
        }

        var names = Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName);
        return (null, Problems.Validation("status", $"'{trimmed}' is not a status: choose from {string.Join(", ", names)}"));
    }
}
