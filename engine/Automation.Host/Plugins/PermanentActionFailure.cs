namespace Automation.Host.Plugins;

/// <summary>A handler said retrying will not help; the retry policy lets this one through at once.</summary>
public sealed class PermanentActionFailure : Exception
{
    public PermanentActionFailure()
    {
    }

    public PermanentActionFailure(string message)
        : base(message)
    {
    }

    public PermanentActionFailure(string message, Exception inner)
        : base(message, inner)
    {
    }
}
