namespace Automation.Plugins.Sdk;

/// <summary>A template that does not exist or does not render for this customer; the message says which and why.</summary>
public sealed class EmailTemplateException : Exception
{
    public EmailTemplateException()
    {
    }

    public EmailTemplateException(string message)
        : base(message)
    {
    }

    public EmailTemplateException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
