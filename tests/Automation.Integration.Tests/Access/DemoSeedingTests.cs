using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Automation.Integration.Tests.Access;

public sealed partial class DemoSeedingTests
{
    [Fact]
    public async Task Demo_accounts_get_their_own_passwords_printed_once_and_the_configured_admin_password_is_never_printed()
    {
        await using var host = await HostProcess.StartAsync(requireDesigner: false, settings: new Dictionary<string, string> { ["Automation__SeedDemoData"] = "true" });
        var output = await Poll.UntilAsync(() => Task.FromResult(host.Output), o => o.Contains("approver@automation.local with password", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(HostProcess.AdminPassword, output, StringComparison.Ordinal);
        Assert.Contains("the password from Automation:Admin:Password", output, StringComparison.Ordinal);
        var printed = PrintedPassword().Matches(output).ToDictionary(m => m.Groups["email"].Value, m => m.Groups["password"].Value);
        Assert.Equal(["approver@automation.local", "marketer@automation.local"], printed.Keys.Order());
        Assert.NotEqual(printed["marketer@automation.local"], printed["approver@automation.local"]);

        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        foreach (var (email, password) in printed)
        {
            using var withAdminPassword = await client.PostAsJsonAsync("/api/auth/signin", new { email, password = HostProcess.AdminPassword });
            Assert.Equal(HttpStatusCode.Unauthorized, withAdminPassword.StatusCode);
            using var withOwn = await client.PostAsJsonAsync("/api/auth/signin", new { email, password });
            Assert.Equal(HttpStatusCode.OK, withOwn.StatusCode);
        }
    }

    [GeneratedRegex(@"Sign in as (?<email>\S+@automation\.local) with password (?<password>\S+)")]
    private static partial Regex PrintedPassword();
}
