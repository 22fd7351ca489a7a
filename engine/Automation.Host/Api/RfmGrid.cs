namespace Automation.Host.Api;

/// <summary>Customers by recency × frequency score; Prospects never bought and have no cell.</summary>
public sealed record RfmGrid(IReadOnlyList<RfmCell> Cells, int Prospects);
