namespace Automation.Browser.Tests.Support;

/// <summary>The real services test.sh starts, found through its environment variables.</summary>
public static class TestServices
{
    public const string RabbitMq = "AUTOMATION_TEST_RABBITMQ";
    public const string Postgres = "AUTOMATION_TEST_POSTGRES";
    public const string Smtp = "AUTOMATION_TEST_SMTP";
    public const string Maildir = "AUTOMATION_TEST_MAILDIR";
    public const string Chromium = "AUTOMATION_TEST_CHROMIUM";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Get(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v : null;

    /// <summary>The value, or a failure that names the missing service (a test that needs it never passes without it).</summary>
    public static string Require(string variable) =>
        Get(variable) ?? throw new InvalidOperationException($"{variable} is not set: start the test services with ./test.sh or scripts/test-services.sh start");

    public static (string Host, int Port) SmtpEndpoint()
    {
        var parts = Require(Smtp).Split(':');
        return (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
