using Automation.Engine.Profiles;

namespace Automation.Engine.Scoring.Models;

/// <summary>A loaded model version: a probability for a profile, with the top reasons in words.</summary>
public interface IScoreModel : IDisposable
{
    ScoreResult Score(CustomerFeatures features);
}
