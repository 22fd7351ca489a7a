namespace Automation.Engine.Configuration;

public enum TransportKind
{
    InMemory,
    RabbitMq,
}
