using System.Globalization;
using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Guards;

[Collection(GuardsCollection.Name)]
public sealed class QuietHoursTests(GuardsHost fixture)
{
    private readonly AutomationHost host = fixture.Host;

    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task Email_in_the_customers_quiet_hours_is_held_until_their_morning_and_then_sent()
    {
        using var admin = await host.AdminAsync();
        await TestWorkflows.PublishAsync(admin, TestWorkflows.OneAction("guard-quiet", "guard_quiet_tick", "email.send", new { template = "welcome" }));
        var (customer, email) = NewCustomer("night-owl");
        var now = DateTime.UtcNow;
        var zone = ZoneWhereItIsSixInTheMorning(now);
        await PostAsync(host, Event(customer, "identify", now.AddSeconds(-1), new { email, name = "Nora Night", timeZone = zone.Id }), Event(customer, "guard_quiet_tick", now));

        // Six in the morning where the customer lives: held (not dropped) until eight, their time.
        var held = Assert.Single(await SettledActionsAsync(admin, customer));
        Assert.Equal("held", Status(held));
        var until = held.GetProperty("heldUntil").GetDateTime().ToUniversalTime();
        Assert.Equal(8, TimeZoneInfo.ConvertTimeFromUtc(until, zone).Hour);
        Assert.InRange(until - now, TimeSpan.FromHours(1), TimeSpan.FromHours(2));
        Assert.StartsWith("held: 06:", Guard(held, "quietHours").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(Maildir.MessagesTo(email));

        try
        {
            // Morning comes: the timer releases the held email and the instance goes on by "done".
            fixture.Clock.Offset = until - DateTime.UtcNow + TimeSpan.FromSeconds(1);
            var mail = await Maildir.WaitForMessageToAsync(email, TimeSpan.FromSeconds(30));
            Assert.Equal(email, mail.To.Mailboxes.Single().Address);
            var sent = await Poll.UntilAsync(() => SettledActionsAsync(admin, customer), a => Status(a[0]) == "completed", TimeSpan.FromSeconds(20));
            Assert.Equal("completed", Status(sent[0]));
            Assert.Equal(["trigger:done", "act:", "act:done", "sent:"], await TestWorkflows.PathAsync(admin, held.GetProperty("instanceId").GetGuid()));
        }
        finally
        {
            fixture.Clock.Offset = TimeSpan.Zero;
        }
    }

    /// <summary>A fixed-offset zone whose local hour is 06 now: inside quiet hours (21–8), morning one to two hours away.</summary>
    private static TimeZoneInfo ZoneWhereItIsSixInTheMorning(DateTime utc)
    {
        for (var offset = -12; offset <= 14; offset++)
        {
            if ((utc.Hour + offset + 48) % 24 == 6)
            {
                // IANA's Etc zones count the other way round: Etc/GMT-3 is three hours ahead of UTC.
                var id = offset == 0 ? "Etc/GMT" : string.Create(CultureInfo.InvariantCulture, $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}");
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
        }

        throw new InvalidOperationException("every hour of the day is some Etc zone's six o'clock");
    }
}
