namespace Automation.Engine.Events.Import;

/// <summary>
/// Which header column holds what in a shop's own export: `customer=customer_id,time=date,value=dollar_value`
/// (type and id optional: without a type column every row is a purchase; without an id column the id is derived
/// from the row, so a re-import stores nothing twice).
/// </summary>
public sealed record ColumnMapping(string Customer, string Time, string? Value, string? Type, string? Id)
{
    private static readonly string[] Roles = ["customer", "time", "value", "type", "id"];

    /// <summary>Reads `role=column,…`; the problem in words when it cannot.</summary>
    public static (ColumnMapping? Mapping, string? Problem) Parse(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == part.Length - 1 || !Roles.Contains(part[..at].Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return (null, $"'{part}' is not role=column (roles: {string.Join(", ", Roles)})");
            }

            pairs[part[..at].Trim()] = part[(at + 1)..].Trim();
        }

        if (!pairs.ContainsKey("customer") || !pairs.ContainsKey("time"))
        {
            return (null, "name at least the customer and time columns, e.g. customer=customer_id,time=date,value=dollar_value");
        }

        return (new ColumnMapping(pairs["customer"], pairs["time"], pairs.GetValueOrDefault("value"), pairs.GetValueOrDefault("type"), pairs.GetValueOrDefault("id")), null);
    }

    /// <summary>The column index of each role in a header; throws <see cref="InvalidDataException"/> naming what is missing.</summary>
    public ColumnIndexes Resolve(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        int Find(string? name)
        {
            if (name is null)
            {
                return -1;
            }

            var index = -1;
            for (var i = 0; i < header.Count && index < 0; i++)
            {
                index = header[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase) ? i : -1;
            }

            return index >= 0 ? index : throw new InvalidDataException($"the header has no column '{name}' (it has: {string.Join(", ", header.Select(h => h.Trim()))})");
        }

        return new ColumnIndexes(Find(Customer), Find(Time), Find(Value), Find(Type), Find(Id));
    }
}

/// <summary>Where each role's column is in a row; -1 for a role not mapped.</summary>
public sealed record ColumnIndexes(int Customer, int Time, int Value, int Type, int Id)
{
    public int Needed => new[] { Customer, Time, Value, Type, Id }.Max() + 1;
}
