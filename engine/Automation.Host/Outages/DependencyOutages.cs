using System.Collections.Concurrent;

namespace Automation.Host.Outages;

/// <summary>
/// The failures that said a dependency is unreachable, counted instead of logged one by one (a broker outage wrote 118
/// warnings with stack traces in 22 s). <see cref="DependencyWatch"/> turns them into a start, a summary a minute and an end.
/// Holds no logger: the log providers report to it, so it must not need them.
/// </summary>
public sealed class DependencyOutages(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Dependency, OutageState> failing = new();

    /// <summary>One attempt failed because <paramref name="dependency"/> is unreachable.</summary>
    public void Failed(Dependency dependency, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        failing.AddOrUpdate(
            dependency,
            static (_, start) => new OutageState(start.At, 1, start.Reason),
            static (_, state, _) => state with { FailedAttempts = state.FailedAttempts + 1 },
            (At: clock.GetUtcNow(), Reason: Reason(exception)));
    }

    /// <summary>The outage of <paramref name="dependency"/> as counted so far, or null while nothing failed.</summary>
    public OutageState? Current(Dependency dependency) => failing.GetValueOrDefault(dependency);

    /// <summary>The dependency answers again: what its outage was, and it is forgotten.</summary>
    public OutageState? Ended(Dependency dependency) => failing.TryRemove(dependency, out var state) ? state : null;

    /// <summary>The innermost message: "Connection refused" says more than "Failed to connect to 127.0.0.1:5432".</summary>
    private static string Reason(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Add($"{e.GetType().Name}: {e.Message}");
        }

        return string.Join(" <- ", messages.AsEnumerable().Reverse().Take(2));
    }
}
