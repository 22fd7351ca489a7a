namespace Automation.Host.Outages;

/// <summary>
/// Wraps a log provider: an entry whose exception says the database or the broker is unreachable is counted by
/// <see cref="DependencyOutages"/> instead of written with its stack trace; every other entry passes unchanged.
/// This quiets the retries of every part at once (MassTransit's reconnects, EF Core, the background services).
/// Only one of the wrapped providers counts (<paramref name="counts"/>), so that an entry is one failed attempt.
/// </summary>
public sealed class QuietOutageLoggerProvider(ILoggerProvider inner, DependencyOutages outages, bool counts) : ILoggerProvider, ISupportExternalScope
{
    // EF Core's "An error occurred using the connection" (20004), "Failed executing DbCommand" (20102) and "... using a
    // transaction" (20205): one per attempt during a database outage, written without the exception (EF Core gives
    // that to its caller, who logs it or the outage counts it), so they cannot be told apart from other failures and
    // are never written on their own; a command's failure is in the caller's entry.
    private static readonly int[] DatabaseAttemptEvents = [20004, 20102, 20205];

    public ILogger CreateLogger(string categoryName) => new QuietLogger(inner.CreateLogger(categoryName), outages, counts);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose() => inner.Dispose();

    private sealed class QuietLogger(ILogger inner, DependencyOutages outages, bool counts) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && OutageClassifier.Classify(exception) is { } dependency)
            {
                Count(dependency, exception);
                return;
            }

            if (DatabaseAttemptEvents.Contains(eventId.Id) && (exception is null || outages.Current(Dependency.Database) is not null))
            {
                if (outages.Current(Dependency.Database) is not null)
                {
                    Count(Dependency.Database, exception ?? new InvalidOperationException(formatter(state, exception)));
                }

                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }

        private void Count(Dependency dependency, Exception exception)
        {
            if (counts)
            {
                outages.Failed(dependency, exception);
            }
        }
    }
}
