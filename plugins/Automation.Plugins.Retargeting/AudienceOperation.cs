namespace Automation.Plugins.Retargeting;

/// <summary>What an action does to the customer's membership of an audience.</summary>
public enum AudienceOperation
{
    Include,
    Exclude,
}
