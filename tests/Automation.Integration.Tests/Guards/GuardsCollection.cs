namespace Automation.Integration.Tests.Guards;

/// <summary>The guard tests share one host and run one after another (the quiet-hours test moves its clock).</summary>
[CollectionDefinition(Name)]
public sealed class GuardsCollection : ICollectionFixture<GuardsHost>
{
    public const string Name = "guards";
}
