using System.Data.Common;
using Automation.Engine.Configuration;
using Automation.Engine.Dispatch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Automation.Engine.Tests.Dispatch;

public sealed class OutageRetryTests
{
    [Fact]
    public async Task A_database_outage_is_waited_out_and_the_operation_runs_once_it_is_back()
    {
        var calls = 0;
        var result = await Retry(TimeSpan.FromSeconds(10)).RunAsync("test", _ => ++calls < 3 ? throw new ConnectionLost() : Task.FromResult("done"), CancellationToken.None);

        Assert.Equal("done", result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_failure_that_is_not_an_outage_is_thrown_at_once()
    {
        var calls = 0;
        await Assert.ThrowsAsync<ArgumentException>(() => Retry(TimeSpan.FromSeconds(10)).RunAsync<int>("test", _ =>
        {
            calls++;
            throw new ArgumentException("a bug, not an outage");
        }, CancellationToken.None));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task An_outage_longer_than_the_budget_ends_in_an_error_that_says_so()
    {
        var error = await Assert.ThrowsAsync<OutageOutlastedBudgetException>(() =>
            Retry(TimeSpan.FromMilliseconds(500)).RunAsync<int>("Recording outcomes", _ => throw new ConnectionLost(), CancellationToken.None));

        Assert.Contains("Recording outcomes: the database was still unavailable", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection refused", error.Message, StringComparison.Ordinal);
    }

    private static OutageRetry Retry(TimeSpan budget)
    {
        var options = new AutomationOptions();
        options.Dispatch.OutageBudget = budget;
        return new OutageRetry(Options.Create(options), NullLogger<OutageRetry>.Instance);
    }

    /// <summary>What a provider throws when the server cannot be reached: a DbException that calls itself transient.</summary>
    private sealed class ConnectionLost : DbException
    {
        public ConnectionLost()
            : base("connection refused")
        {
        }

        public override bool IsTransient => true;
    }
}
