namespace Automation.Plugins.Sdk;

/// <summary>Carries out one action type. The host calls it once per dispatch attempt.</summary>
public abstract class ActionHandler
{
    public abstract Task<ActionResult> HandleAsync(ActionRequest request, CancellationToken cancellationToken);
}
