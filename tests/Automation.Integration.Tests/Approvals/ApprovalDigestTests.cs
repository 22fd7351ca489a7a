using Automation.Integration.Tests.Support;
using static Automation.Integration.Tests.Approvals.ApprovalFlow;
using static Automation.Integration.Tests.Guards.GuardScenario;

namespace Automation.Integration.Tests.Approvals;

public sealed class ApprovalDigestTests
{
    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task Approvers_get_a_digest_of_what_waits_per_workflow_with_the_oldest_request_and_the_estimated_cost()
    {
        using var host = AutomationHost.Embedded(new Dictionary<string, string?> { ["Automation:Approvals:DigestInterval"] = "00:00:02" });
        using var admin = await host.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var approverEmail = $"digest-approver-{suffix}@example.test";
        var marketerEmail = $"digest-marketer-{suffix}@example.test";
        using var approver = await host.PersonAsync(admin, approverEmail, "approver");
        using var marketer = await host.PersonAsync(admin, marketerEmail, "marketer");
        await TestWorkflows.PublishAsync(admin, Gate("digest-calls", "digest_call_tick"));
        await TestWorkflows.PublishAsync(admin, Gate("digest-offers", "digest_offer_tick"));
        var now = DateTime.UtcNow;
        await PostAsync(
            host,
            Event(NewCustomer("digest").Customer, "digest_call_tick", now),
            Event(NewCustomer("digest").Customer, "digest_call_tick", now),
            Event(NewCustomer("digest").Customer, "digest_offer_tick", now));
        await PendingAsync(approver, "digest-calls", 2);
        await PendingAsync(approver, "digest-offers", 1);

        // Within an interval or two the approver has the digest: 3 waiting, 2 + 1 per workflow, 12.50 each.
        var digest = await Maildir.WaitForMessageToAsync(approverEmail, TimeSpan.FromSeconds(20));
        Assert.Equal("3 approval requests wait for you", digest.Subject);
        Assert.Contains("estimated cost 37.50 in all", digest.TextBody, StringComparison.Ordinal);
        Assert.Matches(@"- digest-calls \(digest-calls\): 2 waiting, oldest since \d{4}-\d\d-\d\d \d\d:\d\d UTC \(\d+ min\), estimated cost 25.00", digest.TextBody);
        Assert.Matches(@"- digest-offers \(digest-offers\): 1 waiting, oldest since .+, estimated cost 12.50", digest.TextBody);

        // Only approvers get it, and at most once per interval (2 s; Date headers have whole seconds): how many went
        // out before the test saw the first depends on the machine, their spacing does not.
        Assert.Empty(Maildir.MessagesTo(marketerEmail));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var sent = Maildir.MessagesTo(approverEmail).Select(m => m.Date).Order().ToList();
        Assert.True(sent.Count >= 2, "the digest repeats each interval while requests wait");
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1), $"two digests within one interval: {pair.First:O} and {pair.Second:O}"));
    }
}
