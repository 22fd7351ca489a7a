using System.Globalization;
using System.Reflection;
using System.Text;
using Automation.Plugins.Sdk;

namespace Automation.Engine.Profiles;

/// <summary>
/// Reason codes from the same expression that decided: each profile member it reads, with its value,
/// in words. What decides and what explains cannot drift apart.
/// </summary>
public static class ReasonWriter
{
    // Reasons are written on every segment entry; look each member's property up once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PropertyInfo?> Properties = new(StringComparer.Ordinal);

    // A member's words are the same every time; segment entries and model reasons ask for them per customer.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Words, string Window)> Phrases = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static StringBuilder? keyBuilder;

    public static IReadOnlyList<ReasonCode> Explain(IEnumerable<string> members, CustomerFeatures features, CustomerScores scores)
    {
        ArgumentNullException.ThrowIfNull(members);
        var reasons = new List<ReasonCode>();
        foreach (var member in members)
        {
            var (property, value) = Read(member, features, scores);
            if (property is not null)
            {
                reasons.Add(new ReasonCode(member, value, Words(property.Name, value)));
            }
        }

        return reasons;
    }

    /// <summary>
    /// The raw values <see cref="Explain"/> would read, as one string: for the same members, equal keys give equal
    /// reasons, so a caller can share the reasons written once. Unformatted: formatting the values (doubles above all)
    /// cost more than the sharing saved.
    /// </summary>
    public static string Key(IReadOnlyList<string> members, CustomerFeatures features, CustomerScores scores)
    {
        ArgumentNullException.ThrowIfNull(members);
        var key = keyBuilder ??= new StringBuilder();
        key.Clear();
        for (var i = 0; i < members.Count; i++)
        {
            var (property, source) = Property(members[i], features, scores);
            if (property is null)
            {
                key.Append('x');
                continue;
            }

            switch (property.GetValue(source))
            {
                case null:
                    key.Append('n');
                    break;
                case int number:
                    key.Append('i').Append(number.ToString(CultureInfo.InvariantCulture));
                    break;
                case double number:
                    key.Append('d').Append(BitConverter.DoubleToInt64Bits(number).ToString(CultureInfo.InvariantCulture));
                    break;
                case bool flag:
                    key.Append(flag ? 't' : 'f');
                    break;
                case var other:
                    var text = Format(other);
                    key.Append('s').Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
                    break;
            }
        }

        return key.ToString();
    }

    private static (PropertyInfo? Property, object Source) Property(string member, CustomerFeatures features, CustomerScores scores)
    {
        object source = member.StartsWith("Scores.", StringComparison.Ordinal) ? scores : features;
        return (Properties.GetOrAdd(member, static (m, type) => type.GetProperty(m[(m.IndexOf('.', StringComparison.Ordinal) + 1)..], BindingFlags.Public | BindingFlags.Instance), source.GetType()), source);
    }

    private static (PropertyInfo? Property, string Value) Read(string member, CustomerFeatures features, CustomerScores scores)
    {
        var (property, source) = Property(member, features, scores);
        return property is null ? (null, "") : (property, Format(property.GetValue(source)));
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        // A whole amount formats as its integer: the same text as "0.###" (but for -0), several times faster.
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 && !(d == 0 && double.IsNegative(d)) => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>"PricingViews7d" = "3" → "pricing views in 7 days: 3".</summary>
    public static string Words(string name, string value)
    {
        if (name == nameof(CustomerFeatures.DaysSinceLastPurchase))
        {
            return value == FeatureCalculator.NeverBought.ToString(CultureInfo.InvariantCulture) ? "never purchased" : $"no purchase for {value} days";
        }

        if (name == nameof(CustomerFeatures.DaysInactive))
        {
            return $"inactive for {value} days";
        }

        var (words, window) = Phrases.GetOrAdd(name, Phrase);
        return value is "true" or "false" ? $"{words}: {(value == "true" ? "yes" : "no")}" : $"{words}{window}: {value}";
    }

    /// <summary>"PricingViews7d" → ("pricing views", " in 7 days").</summary>
    private static (string Words, string Window) Phrase(string name)
    {
        var window = name.EndsWith("7d", StringComparison.Ordinal) ? " in 7 days" : name.EndsWith("30d", StringComparison.Ordinal) ? " in 30 days" : "";
        var stem = window.Length > 0 ? name[..name.LastIndexOf(window.Contains('7', StringComparison.Ordinal) ? "7d" : "30d", StringComparison.Ordinal)] : name;
        var words = new StringBuilder();
        foreach (var c in stem)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return (words.ToString(), window);
    }
}
