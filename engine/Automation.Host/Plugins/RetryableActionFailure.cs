namespace Automation.Host.Plugins;

/// <summary>A handler asked to be tried again later; MassTransit's retry policy does the waiting.</summary>
public sealed class RetryableActionFailure : Exception
{
    public RetryableActionFailure()
    {
    }

    public RetryableActionFailure(string message)
        : base(message)
    {
    }

    public RetryableActionFailure(string message, Exception inner)
        : base(message, inner)
    {
    }
}
