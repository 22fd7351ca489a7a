namespace Automation.Plugins.Sdk;

/// <summary>A batch handler with a typed input; a dispatch whose input does not read fails alone, before the call.</summary>
public abstract class BatchActionHandler<TInput> : BatchActionHandler
    where TInput : class
{
    public sealed override async Task<IReadOnlyList<ActionResult>> HandleBatchAsync(IReadOnlyList<ActionRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new ActionResult?[requests.Count];
        var items = new List<ActionBatchItem<TInput>>(requests.Count);
        var positions = new List<int>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var input = ActionInput.Read<TInput>(requests[i], out var failure);
            if (input is null)
            {
                results[i] = failure;
                continue;
            }

            items.Add(new ActionBatchItem<TInput>(requests[i], input));
            positions.Add(i);
        }

        if (items.Count > 0)
        {
            var answers = await HandleBatchAsync(items, cancellationToken);
            if (answers.Count != items.Count)
            {
                throw new InvalidOperationException($"{GetType().Name} answered {answers.Count} results for {items.Count} actions");
            }

            for (var i = 0; i < answers.Count; i++)
            {
                results[positions[i]] = answers[i];
            }
        }

        return [.. results.Select(r => r!)];
    }

    /// <returns>One result per item, in the items' order.</returns>
    protected abstract Task<IReadOnlyList<ActionResult>> HandleBatchAsync(IReadOnlyList<ActionBatchItem<TInput>> items, CancellationToken cancellationToken);
}
