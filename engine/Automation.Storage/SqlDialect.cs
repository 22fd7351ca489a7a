namespace Automation.Storage;

/// <summary>The few SQL spellings that differ between the providers, for the set-based statements written by hand.</summary>
public abstract class SqlDialect
{
    /// <summary>The expression read as a double-precision number.</summary>
    public abstract string AsDouble(string expression);

    /// <summary>Days (with fraction) from <paramref name="earlier"/> to <paramref name="later"/>, two date expressions.</summary>
    public abstract string DaysBetween(string later, string earlier);

    /// <summary>A UTC moment as the provider stores it, for a parameter compared with stored dates.</summary>
    public abstract object Date(DateTime utc);
}
