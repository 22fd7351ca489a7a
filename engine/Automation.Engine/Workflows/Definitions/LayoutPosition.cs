namespace Automation.Engine.Workflows.Definitions;

public sealed record LayoutPosition(double X, double Y);
