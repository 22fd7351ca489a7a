using Automation.Host.ErrorQueues;
using Automation.Plugins.Sdk.Contracts;
using MassTransit;

namespace Automation.Host.Plugins;

/// <summary>A dispatch that exhausted its retries (or failed for good) becomes an ActionFailed fact; the message itself sits in the error queue.</summary>
public sealed class DispatchFaultConsumer(IErrorQueues errorQueues, TimeProvider clock) : IConsumer<Fault<DispatchAction>>
{
    public Task Consume(ConsumeContext<Fault<DispatchAction>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fault = context.Message;
        var first = fault.Exceptions.FirstOrDefault();
        var reason = first?.Message ?? "the connector failed";
        var permanent = fault.Exceptions.Any(e => e.ExceptionType == typeof(PermanentActionFailure).FullName);
        var why = permanent ? $"permanent failure: {reason}" : $"gave up after retries: {reason}";
        errorQueues.Observe(fault.Message, ObservedFaults.QueueOf(fault.Message), reason, first?.ExceptionType, fault.Timestamp);
        return context.Publish(new ActionFailed(fault.Message.ActionId, fault.Message.ActionType, why, 0, clock.GetUtcNow()), context.CancellationToken);
    }
}
