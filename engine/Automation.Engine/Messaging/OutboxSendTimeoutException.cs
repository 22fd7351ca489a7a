namespace Automation.Engine.Messaging;

/// <summary>The broker did not confirm part of an outbox batch in time; that part stays in the outbox and goes again.</summary>
public sealed class OutboxSendTimeoutException : TimeoutException
{
    public OutboxSendTimeoutException(int unconfirmed, TimeSpan waited)
        : base($"the broker did not confirm {unconfirmed} outbox messages within {waited.TotalSeconds:0} s; they stay in the outbox and go again")
    {
    }

    public OutboxSendTimeoutException()
    {
    }

    public OutboxSendTimeoutException(string message)
        : base(message)
    {
    }

    public OutboxSendTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
