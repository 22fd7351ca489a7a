using Automation.Integration.Tests.Support;

namespace Automation.Integration.Tests.EndToEnd;

public sealed class BrokerEventToEmailTests
{
    [ServiceFact(TestServices.RabbitMq, TestServices.Postgres, TestServices.Smtp, TestServices.Maildir)]
    public async Task Pricing_visitor_gets_the_high_intent_email_on_rabbitmq_and_postgresql()
    {
        using var host = AutomationHost.OnRabbitMqAndPostgres();
        await EventToEmailScenario.RunAsync(host);
    }
}
