using System.Runtime.InteropServices;
using Automation.Engine.Profiles;
using Automation.Storage.Events;

namespace Automation.Engine.Processing;

/// <summary>
/// One customer of a processing batch: their events in log order and, on the embedded default, their entry in the
/// write-behind <see cref="ProfileStore"/>, resolved once per batch. Each stage (linking, loading, folding, segments)
/// used to look the customer up in the store again, and in a store of 100k profiles each lookup is a few cache misses.
/// </summary>
public sealed class BatchCustomer(string customerId)
{
    public string CustomerId { get; } = customerId;

    public List<StoredEvent> Events { get; } = [];

    /// <summary>The customer's entry in the write-behind store; null when not held (yet).</summary>
    public ProfileStore.Entry? Held { get; set; }

    /// <summary>
    /// The batch's customers in the order of their first event, as GroupBy gives them; with a <paramref name="store"/>,
    /// each with the entry it holds.
    /// </summary>
    public static List<BatchCustomer> Group(List<StoredEvent> batch, ProfileStore? store)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var byId = new Dictionary<string, BatchCustomer>(StringComparer.Ordinal);
        var customers = new List<BatchCustomer>();
        foreach (var e in batch)
        {
            ref var customer = ref CollectionsMarshal.GetValueRefOrAddDefault(byId, e.CustomerId, out var exists);
            if (!exists)
            {
                customer = new BatchCustomer(e.CustomerId);
                if (store is not null && store.TryGet(e.CustomerId, out var held))
                {
                    customer.Held = held;
                }

                customers.Add(customer);
            }

            customer!.Events.Add(e);
        }

        return customers;
    }
}
