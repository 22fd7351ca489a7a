namespace Automation.Host.Api;

/// <summary>How many customers hold this recency and frequency score (1–5).</summary>
public sealed record RfmCell(int Recency, int Frequency, int Count);
