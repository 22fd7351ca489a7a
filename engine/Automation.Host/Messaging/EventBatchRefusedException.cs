namespace Automation.Host.Messaging;

/// <summary>A bus batch that failed validation: retrying cannot help, so it goes straight to the error queue.</summary>
public sealed class EventBatchRefusedException : Exception
{
    public EventBatchRefusedException()
    {
    }

    public EventBatchRefusedException(string message)
        : base(message)
    {
    }

    public EventBatchRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
