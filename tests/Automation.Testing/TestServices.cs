using System.Globalization;

namespace Automation.Testing;

/// <summary>The real services test.sh starts (scripts/test-services.sh), found through its environment variables.</summary>
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
        var value = Require(Smtp);
        var colon = value.LastIndexOf(':');
        return (value[..colon], int.Parse(value[(colon + 1)..], CultureInfo.InvariantCulture));
    }
}
