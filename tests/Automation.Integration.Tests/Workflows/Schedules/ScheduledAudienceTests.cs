using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Workflows.Schedules;

/// <summary>A scheduled send to a whole segment, on RabbitMQ + PostgreSQL, counted at the SMTP sink.</summary>
public sealed class ScheduledAudienceTests
{
    private const int Plain = 30;

    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task A_scheduled_audience_trigger_sends_each_member_one_email_with_consent_frequency_and_quiet_hours_applied_per_customer()
    {
        var clock = new ShiftableClock();
        using var backends = BrokerAndDatabase.Create();
        var settings = new Dictionary<string, string?>
        {
            ["Automation:TimeZone"] = "UTC",
            ["Automation:Dispatch:QuietHoursStart"] = "21",
            ["Automation:Dispatch:QuietHoursEnd"] = "8",
        };
        var run = Guid.NewGuid().ToString("N")[..8];
        var plain = Enumerable.Range(0, Plain).Select(i => $"daily-{run}-{i:00}").ToList();
        var (unsubscribed, alreadyMailed, nightOwl) = ($"unsub-{run}", $"mailed-{run}", $"owl-{run}");
        string Email(string customer) => $"{customer}@example.test";

        using (var host = AutomationHost.OnRabbitMqAndPostgres(backends, settings, s => s.AddSingleton<TimeProvider>(clock)))
        {
            using var admin = await host.AdminAsync();
            await SaveSegmentAsync(admin, "reachable", "Features.HasEmail", null);
            var now = clock.UtcNow;
            var events = plain.Concat([unsubscribed, alreadyMailed]).Select(c => Event(c, "identify", now, new { email = Email(c), name = c })).ToList();
            // The daily send goes out a few minutes from now; for this customer that is the middle of the night.
            var sendAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(4);
            events.Add(Event(nightOwl, "identify", now, new { email = Email(nightOwl), name = "Olga Owl", timeZone = ZoneWhereItIsTwoAt(sendAt) }));
            events.Add(Event(unsubscribed, "email_unsubscribe", now.AddSeconds(1)));
            await PostAsync(host, [.. events]);
            var members = await Poll.UntilAsync(() => admin.GetFromJsonAsync<JsonElement>("/api/segments/reachable/members?take=500"), m => Count(m) == Plain + 3, TimeSpan.FromSeconds(60));
            Assert.Equal(Plain + 3, Count(members));

            await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("earlier-mail", "earlier_tick", "email.send", new { template = "welcome" }));
            await TestWorkflows.PublishAsync(admin, DailySend(sendAt));

            // Before the send, one member already gets an email today (the frequency cap is one a day).
            await PostAsync(host, Event(alreadyMailed, "earlier_tick", clock.UtcNow));
            var earlier = await Poll.UntilAsync(() => ActionsAsync(admin, "earlier-mail"), a => a.Count == 1 && Status(a[0]) is not ("pending" or "dispatched"), TimeSpan.FromSeconds(30));
            Assert.True(earlier.Count == 1 && Status(earlier[0]) == "completed", $"the earlier email: {string.Join(", ", earlier)}");
            await Maildir.WaitForMessageToAsync(Email(alreadyMailed), TimeSpan.FromSeconds(30));
            Assert.Empty(await ActionsAsync(admin, "daily-send"));

            clock.Offset = sendAt.AddSeconds(5) - DateTime.UtcNow;
            var settled = await Poll.UntilAsync(
                () => ActionsAsync(admin, "daily-send"),
                a => a.Count == Plain + 3 && a.All(x => Status(x) is "completed" or "skipped" or "held"),
                TimeSpan.FromSeconds(90));
            Assert.Equal(Plain + 3, settled.Count);
            var byCustomer = settled.ToDictionary(a => a.GetProperty("customerId").GetString()!, StringComparer.Ordinal);
            Assert.All(plain, c => Assert.Equal("completed", Status(byCustomer[c])));
            Assert.Equal("skipped", Status(byCustomer[unsubscribed]));
            Assert.False(Guard(byCustomer[unsubscribed], "consent").GetProperty("passed").GetBoolean());
            Assert.Equal("skipped", Status(byCustomer[alreadyMailed]));
            Assert.False(Guard(byCustomer[alreadyMailed], "frequencyCap").GetProperty("passed").GetBoolean());
            Assert.Equal("held", Status(byCustomer[nightOwl]));

            await Task.Delay(TimeSpan.FromSeconds(3)); // any duplicate would land by now
            Assert.All(plain, c => Assert.Single(Maildir.MessagesTo(Email(c))));
            Assert.Empty(Maildir.MessagesTo(Email(unsubscribed)));
            Assert.Single(Maildir.MessagesTo(Email(alreadyMailed)));
            Assert.Empty(Maildir.MessagesTo(Email(nightOwl)));
        }

        // A restarted engine later that day knows the occurrence fired: nobody gets a second email.
        using (var restarted = AutomationHost.OnRabbitMqAndPostgres(backends, settings, s => s.AddSingleton<TimeProvider>(clock)))
        {
            using var admin = await restarted.AdminAsync();
            clock.Advance(TimeSpan.FromMinutes(30));
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.Equal(Plain + 3, (await ActionsAsync(admin, "daily-send")).Count);
            Assert.All(plain, c => Assert.Single(Maildir.MessagesTo(Email(c))));
        }
    }

    private static object DailySend(DateTime at)
    {
        var definition = JsonSerializer.SerializeToNode(TestWorkflows.OneAction("daily-send", "unused", "email.send", new { template = "welcome" }))!;
        definition["trigger"] = JsonSerializer.SerializeToNode(new { type = "schedule", segment = "reachable", cron = $"{at.Minute} {at.Hour} * * *" });
        definition["reentry"] = JsonSerializer.SerializeToNode(new { policy = "always" });
        return definition;
    }

    /// <summary>A fixed-offset zone where it is two in the morning at the given time (inside quiet hours, 21–8).</summary>
    private static string ZoneWhereItIsTwoAt(DateTime utc)
    {
        var offset = Enumerable.Range(-12, 27).First(o => (utc.Hour + o + 48) % 24 == 2);
        // IANA's Etc zones count the other way round: Etc/GMT-3 is three hours ahead of UTC.
        return offset == 0 ? "Etc/GMT" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}");
    }

    private static int Count(JsonElement members) => members.GetProperty("total").GetInt32();

    private static async Task<List<JsonElement>> ActionsAsync(HttpClient client, string workflowId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/actions?workflowId={workflowId}&take=2000")).EnumerateArray()];
}
