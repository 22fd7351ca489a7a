namespace Automation.Storage;

/// <summary>
/// Rows a unit of work holds, by a unique key: the ones it added and has not saved (a query cannot see them) and the ones
/// it preloaded for a batch. DbSet.Local scans every tracked entity of every type on each look-up, which made a
/// processing batch that starts thousands of instances quadratic; here look-ups are O(1).
/// </summary>
public sealed class PendingRows
{
    private readonly Dictionary<(Type, string), object> rows = [];

    public void Add<TEntity>(string key, TEntity entity)
        where TEntity : class => rows[(typeof(TEntity), key)] = entity;

    public TEntity? Find<TEntity>(string key)
        where TEntity : class => rows.GetValueOrDefault((typeof(TEntity), key)) as TEntity;
}
