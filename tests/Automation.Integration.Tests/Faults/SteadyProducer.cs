using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Automation.Integration.Tests.Faults;

/// <summary>
/// A producer as an operator runs one: batches of customers (an identify with the email address, then the trigger
/// event) posted at a steady pace; a batch refused with 503 or not answered is posted again after Retry-After (at most
/// two seconds here), as the 503 asks. Events carry ids, so a batch posted twice is stored once.
/// </summary>
public sealed class SteadyProducer(Func<HttpClient> client, string customerPrefix, string triggerEvent)
{
    private const int CustomersPerBatch = 100;

    private int acceptedFirstTime;
    private int accepted;
    private int refusals;

    /// <summary>Events accepted by the first post of their batch.</summary>
    public int AcceptedFirstTime => Volatile.Read(ref acceptedFirstTime);

    /// <summary>Events accepted in the end (202), counting each event once.</summary>
    public int Accepted => Volatile.Read(ref accepted);

    /// <summary>Posts that were refused or unanswered (and then posted again).</summary>
    public int Refusals => Volatile.Read(ref refusals);

    public static string CustomerId(string prefix, int i) => $"{prefix}{i.ToString("0000", CultureInfo.InvariantCulture)}";

    /// <summary>Posts customers from..from+count-1, a batch of 100 per pace.</summary>
    public async Task RunAsync(int from, int count, TimeSpan pace, CancellationToken cancellationToken)
    {
        var end = from + count;
        for (var first = from; first < end; first += CustomersPerBatch)
        {
            var started = DateTime.UtcNow;
            await PostUntilAcceptedAsync(Batch(first, Math.Min(CustomersPerBatch, end - first)), cancellationToken);
            var rest = pace - (DateTime.UtcNow - started);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, cancellationToken);
            }
        }
    }

    private async Task PostUntilAcceptedAsync(object[] events, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            try
            {
                using var http = client();
                using var response = await http.PostAsJsonAsync("/api/events", new { events }, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Interlocked.Add(ref accepted, events.Length);
                    if (attempt == 1)
                    {
                        Interlocked.Add(ref acceptedFirstTime, events.Length);
                    }

                    return;
                }

                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    throw new InvalidOperationException($"POST /api/events answered {(int)response.StatusCode}, not 202 or 503: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                wait = TimeSpan.FromSeconds(1); // the host is not answering (restarting, or its request timed out)
            }

            Interlocked.Increment(ref refusals);
            await Task.Delay(wait < TimeSpan.FromSeconds(2) ? wait : TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    private object[] Batch(int first, int count)
    {
        var now = DateTime.UtcNow;
        return [.. Enumerable.Range(first, count).SelectMany(i =>
        {
            var id = CustomerId(customerPrefix, i);
            return new object[]
            {
                new { id = $"{id}-identify", customerId = id, type = "identify", timestamp = Iso(now.AddSeconds(-1)), properties = new { email = $"{id}@example.test" } },
                new { id = $"{id}-go", customerId = id, type = triggerEvent, timestamp = Iso(now) },
            };
        })];
    }

    private static string Iso(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
