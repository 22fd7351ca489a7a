namespace Automation.Browser.Tests.Support;

/// <summary>
/// A second real host whose plugins folder also holds the test-only Proof connector (proof.broken fails until
/// <see cref="RepairedMarker"/> exists) and a file that is not an assembly at all, which must be reported as failed.
/// The marketer is seeded too. The shared host keeps only the shipped plugins, so the other pages' tests see what an operator would.
/// </summary>
public sealed class ProofHostFixture : IAsyncLifetime
{
    public const string GarbagePlugin = "Automation.Plugins.Garbage";

    private PluginsFolder? plugins;
    private HostProcess? host;

    public HostProcess Host => host ?? throw new InvalidOperationException($"the browser suite needs {TestServices.Chromium}");

    public string RepairedMarker => Path.Combine(plugins?.Scratch ?? throw new InvalidOperationException("not started"), "repaired");

    public async Task InitializeAsync()
    {
        if (TestServices.Get(TestServices.Chromium) is null)
        {
            return;
        }

        plugins = PluginsFolder.WithProofPlugin();
        var garbage = Path.Combine(plugins.Path, GarbagePlugin);
        Directory.CreateDirectory(garbage);
        await File.WriteAllTextAsync(Path.Combine(garbage, GarbagePlugin + ".dll"), "this is not an assembly");
        host = await HostProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Automation__PluginsPath"] = plugins.Path,
            ["Automation__Plugins__Proof__RepairedMarkerPath"] = RepairedMarker,
            // One quick retry and no delayed redelivery: a broken action fails within a second.
            ["Automation__Dispatch__RetryLimit"] = "1",
            ["Automation__Dispatch__RetryMinInterval"] = "00:00:00.020",
            ["Automation__Dispatch__RetryMaxInterval"] = "00:00:00.050",
            ["Automation__Dispatch__Redeliveries"] = "0",
        });
        using var admin = await ApiSession.SignInAsync(host.BaseAddress, TestUser.Admin);
        var marketer = TestUser.Marketer;
        await admin.PostAsync("/api/users", new { email = marketer.Email, displayName = marketer.DisplayName, password = marketer.Password, roles = marketer.Roles });
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        plugins?.Dispose();
    }
}
