using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.Configuration;

public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Automation:Database", "Postgres", "Automation:PostgresConnectionString")]
    [InlineData("Automation:Transport", "Kafka", "Automation:Transport")]
    public void A_wrong_setting_stops_start_up_naming_the_setting(string key, string value, string named)
    {
        using var host = AutomationHost.Embedded(new Dictionary<string, string?> { [key] = value });

        var error = Record.Exception(() => host.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(named, Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_broker_stops_start_up_naming_the_setting()
    {
        using var host = AutomationHost.Embedded(new Dictionary<string, string?>
        {
            ["Automation:Transport"] = "RabbitMq",
            ["Automation:RabbitMq:Host"] = "127.0.0.1",
            ["Automation:RabbitMq:Port"] = "1",
        });

        var error = Record.Exception(() => host.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Automation:RabbitMq:Host", Messages(error), StringComparison.Ordinal);
        Assert.Contains("does not answer", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_database_stops_start_up_naming_the_setting()
    {
        using var host = AutomationHost.Embedded(new Dictionary<string, string?>
        {
            ["Automation:Database"] = "Postgres",
            ["Automation:PostgresConnectionString"] = "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3",
        });

        var error = Record.Exception(() => host.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Automation:PostgresConnectionString", Messages(error), StringComparison.Ordinal);
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
