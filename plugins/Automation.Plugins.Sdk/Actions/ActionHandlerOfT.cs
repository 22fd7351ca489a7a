namespace Automation.Plugins.Sdk;

/// <summary>A handler with a typed input, read from the activity's input JSON (camelCase).</summary>
public abstract class ActionHandler<TInput> : ActionHandler
    where TInput : class
{
    public sealed override Task<ActionResult> HandleAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        var input = ActionInput.Read<TInput>(request, out var failure);
        return input is null ? Task.FromResult(failure!) : HandleAsync(request, input, cancellationToken);
    }

    protected abstract Task<ActionResult> HandleAsync(ActionRequest request, TInput input, CancellationToken cancellationToken);
}
