using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.EndToEnd;

public sealed class EmbeddedEventToEmailTests
{
    [ServiceFact(TestServices.Smtp, TestServices.Maildir)]
    public async Task Pricing_visitor_gets_the_high_intent_email_on_sqlite_and_the_in_memory_bus()
    {
        using var host = AutomationHost.Embedded();
        await EventToEmailScenario.RunAsync(host);
    }
}
