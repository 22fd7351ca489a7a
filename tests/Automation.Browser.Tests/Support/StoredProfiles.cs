using Microsoft.Data.Sqlite;

namespace Automation.Browser.Tests.Support;

/// <summary>Writes a host's SQLite file directly, as a hand edit or an older build's format would leave it.</summary>
public static class StoredProfiles
{
    /// <summary>Replaces the customer's stored day counts (the profile state the engine folds events into).</summary>
    public static async Task SetDailyCountsAsync(string hostFolder, string customerId, string json)
    {
        var path = Path.Combine(hostFolder, "automation.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE profiles SET DailyCountsJson = $json WHERE CustomerId = $customer";
        update.Parameters.AddWithValue("$json", json);
        update.Parameters.AddWithValue("$customer", customerId);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }
}
