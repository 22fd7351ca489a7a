namespace Automation.Storage.Profiles;

/// <summary>An anonymous id that an identify event linked to a customer: its events belong to that customer from then on.</summary>
public sealed class CustomerAlias
{
    public required string AliasId { get; set; }

    public required string CustomerId { get; set; }

    public DateTime LinkedAt { get; set; }
}
