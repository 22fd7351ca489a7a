using System.Text.Json;

namespace Automation.Plugins.Sdk;

/// <summary>A handler with a typed input, read from the activity's input JSON (camelCase).</summary>
public abstract class ActionHandler<TInput> : ActionHandler
    where TInput : class
{
    private static readonly JsonSerializerOptions InputJson = new(JsonSerializerDefaults.Web);

    public sealed override Task<ActionResult> HandleAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TInput? input;
        try
        {
            input = request.Input.Deserialize<TInput>(InputJson);
        }
        catch (JsonException ex)
        {
            return Task.FromResult(ActionResult.Permanent($"input does not match {typeof(TInput).Name}: {ex.Message}"));
        }

        return input is null
            ? Task.FromResult(ActionResult.Permanent("input is missing"))
            : HandleAsync(request, input, cancellationToken);
    }

    protected abstract Task<ActionResult> HandleAsync(ActionRequest request, TInput input, CancellationToken cancellationToken);
}
