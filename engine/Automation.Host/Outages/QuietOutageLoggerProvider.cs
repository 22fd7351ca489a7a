namespace Automation.Host.Outages;

/// <summary>
/// Wraps a log provider: an entry whose exception says the database or the broker is unreachable is counted by
/// <see cref="DependencyOutages"/> instead of written with its stack trace; every other entry passes unchanged.
/// This quiets the retries of every part at once (MassTransit's reconnects, EF Core, the background services).
/// Only one of the wrapped providers counts (<paramref name="counts"/>), so that an entry is one failed attempt.
/// </summary>
public sealed class QuietOutageLoggerProvider(ILoggerProvider inner, DependencyOutages outages, bool counts) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new QuietLogger(inner.CreateLogger(categoryName), counts ? outages : null);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose() => inner.Dispose();

    private sealed class QuietLogger(ILogger inner, DependencyOutages? outages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && OutageClassifier.Classify(exception) is { } dependency)
            {
                outages?.Failed(dependency, exception);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
