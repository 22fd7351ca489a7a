using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Testing;

namespace Automation.Integration.Tests.Support;

/// <summary>A customer's profile as a signed-in person reads it, once processing has folded a given number of their events.</summary>
public static class ProcessedProfile
{
    public static async Task<JsonElement> WaitAsync(HttpClient person, string customerId, int totalEvents, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(person);
        var profile = await Poll.UntilAsync(
            async () =>
            {
                using var response = await person.GetAsync(new Uri($"/api/customers/{Uri.EscapeDataString(customerId)}", UriKind.Relative));
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            p => p.ValueKind == JsonValueKind.Object && p.GetProperty("timeline").GetProperty("totalEvents").GetInt32() == totalEvents,
            timeout);
        Assert.True(profile.ValueKind == JsonValueKind.Object, $"customer {customerId} was not processed within {timeout}");
        Assert.Equal(totalEvents, profile.GetProperty("timeline").GetProperty("totalEvents").GetInt32());
        return profile;
    }
}
