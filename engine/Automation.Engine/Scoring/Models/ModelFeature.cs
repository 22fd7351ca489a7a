using Automation.Engine.Profiles;

namespace Automation.Engine.Scoring.Models;

/// <summary>One model input: the profile feature by its name (as expressions know it) and how to read it.</summary>
public sealed record ModelFeature(string Name, Func<CustomerFeatures, double> Read);
