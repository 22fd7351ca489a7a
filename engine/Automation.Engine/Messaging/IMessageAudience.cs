namespace Automation.Engine.Messaging;

/// <summary>
/// Who can hear a published message, as the transport chosen at composition knows it. The relay does not publish a
/// message nobody hears; without an audience (a broker others may subscribe to) every message is published.
/// </summary>
public interface IMessageAudience
{
    /// <summary>False only when no consumer anywhere would act on the message.</summary>
    ValueTask<bool> HearsAsync(object message, CancellationToken cancellationToken);
}
