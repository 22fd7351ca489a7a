namespace Automation.Plugins.Sdk;

public enum ActionOutcome
{
    Succeeded,
    RetryableFailure,
    PermanentFailure,
}
