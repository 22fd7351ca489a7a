using Automation.Engine.Events;
using Automation.Engine.Tests.Support;
using Automation.Testing;

namespace Automation.Engine.Tests.Fuzz;

public sealed class EventBatchFuzzTests
{
    [Fact]
    public async Task Ten_thousand_generated_bad_batches_are_each_refused_with_reasons_and_nothing_of_them_is_stored()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var ingestion = database.Ingestion();
        var random = new Random(20261123);
        var refused = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var body = BadEventBatches.Batch(random, "fuzz");
            var parsed = EventBatchParser.Parse(body);
            if (parsed.BodyError is { } error)
            {
                Assert.False(string.IsNullOrEmpty(error.Reason));
                refused++;
                continue;
            }

            var result = await ingestion.IngestAsync(parsed.Items, CancellationToken.None);
            Assert.True(result.Rejected, $"batch {i} was accepted: {System.Text.Encoding.UTF8.GetString(body)}");
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Reason)));
            Assert.Contains(result.Errors, e => e.Index is not null || e.Field == "events");
            refused++;
        }

        Assert.Equal(10_000, refused);
        Assert.Equal(0, await database.CountEventsAsync());
    }
}
