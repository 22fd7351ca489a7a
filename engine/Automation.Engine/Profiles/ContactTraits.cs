using System.Text.Json;
using Automation.Engine.Messaging;
using Automation.Storage.Profiles;

namespace Automation.Engine.Profiles;

/// <summary>
/// Contact details carried by events (email, name, phone, time zone): each field keeps the value of its newest
/// event, remembered per field, so a late batch cannot overwrite a newer value with an older one.
/// </summary>
public sealed class ContactTraits
{
    private static readonly string[] Fields = ["email", "name", "phone", "timeZone"];
    private readonly Dictionary<string, long> times;

    private ContactTraits(Dictionary<string, long> times) => this.times = times;

    public static ContactTraits Parse(string? json) =>
        new(string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? []);

    public void Apply(CustomerProfile profile, string json, DateTime at)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        foreach (var field in Fields)
        {
            if (root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                && (!times.TryGetValue(field, out var seen) || at.Ticks >= seen))
            {
                times[field] = at.Ticks;
                Set(profile, field, value.GetString());
            }
        }
    }

    public string ToJson() => times.Count == 0 ? "{}" : StateJson.Write(times, static (json, times) =>
    {
        json.WriteStartObject();
        foreach (var (field, at) in times.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(field, at);
        }

        json.WriteEndObject();
    });

    private static void Set(CustomerProfile profile, string field, string? value)
    {
        switch (field)
        {
            case "email": profile.Email = value; break;
            case "name": profile.Name = value; break;
            case "phone": profile.Phone = value; break;
            default: profile.TimeZone = value; break;
        }
    }
}
