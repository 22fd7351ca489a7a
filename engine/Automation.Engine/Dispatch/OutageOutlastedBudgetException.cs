namespace Automation.Engine.Dispatch;

/// <summary>
/// The database stayed down for the whole outage budget. The message then goes to its error queue at once: the
/// budget was the wait, and the bus's quick retries would only stretch it.
/// </summary>
public sealed class OutageOutlastedBudgetException : Exception
{
    public OutageOutlastedBudgetException()
    {
    }

    public OutageOutlastedBudgetException(string message)
        : base(message)
    {
    }

    public OutageOutlastedBudgetException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
