namespace Automation.Browser.Tests.Support;

/// <summary>The browser tests share one host and one Chromium and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
