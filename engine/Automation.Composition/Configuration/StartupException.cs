namespace Automation.Composition.Configuration;

/// <summary>A setting that stops the engine from starting; the message names the setting and what to do.</summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
