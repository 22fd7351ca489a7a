using System.Globalization;

namespace Automation.Testing;

/// <summary>
/// Generated segment expressions over the numeric members a marketer can use, with the arithmetic that can throw for
/// some customers (division and remainder by a count that may be zero) or overflow. Deterministic per seed.
/// </summary>
public static class GeneratedExpressions
{
    private static readonly string[] Operators = ["+", "-", "*", "/", "%"];
    private static readonly string[] Comparisons = [">=", "<", "==", "!=", ">"];

    public static string Expression(Random random, IReadOnlyList<string> members)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(members);
        var clauses = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Clause(random, members));
        return string.Join(random.Next(2) == 0 ? " && " : " || ", clauses);
    }

    private static string Clause(Random random, IReadOnlyList<string> members) =>
        $"{Term(random, members, random.Next(0, 3))} {Comparisons[random.Next(Comparisons.Length)]} {Constant(random)}";

    private static string Term(Random random, IReadOnlyList<string> members, int depth)
    {
        if (depth == 0)
        {
            return random.Next(5) == 0 ? Constant(random) : members[random.Next(members.Count)];
        }

        return $"({Term(random, members, depth - 1)} {Operators[random.Next(Operators.Length)]} {Term(random, members, depth - 1)})";
    }

    private static string Constant(Random random) => random.Next(5) switch
    {
        0 => "0",
        1 => "2147483647",
        2 => "-1",
        _ => random.Next(0, 100).ToString(CultureInfo.InvariantCulture),
    };
}
