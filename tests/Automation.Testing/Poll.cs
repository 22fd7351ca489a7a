namespace Automation.Testing;

public static class Poll
{
    /// <summary>Asks until the answer satisfies the condition; the last answer is returned for the assertion's message.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await ask();
        while (!done(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(150);
            last = await ask();
        }

        return last;
    }
}
