using System.Text.RegularExpressions;
using Automation.Engine.Expressions;

namespace Automation.Engine.Workflows.Import;

/// <summary>
/// Translates the simple JavaScript and C# expressions of Elsa exports (comparisons, and/or/not, arithmetic, literals,
/// variable reads such as getCounter() or Variables.Counter) into our expression language; anything else is left
/// untranslated so that the import report can show the original code.
/// </summary>
public static partial class ElsaExpressionTranslator
{
    private static readonly ProfileExpressionCompiler Compiler = new();

    /// <summary>The translation, or null when the code does more than our language can say.</summary>
    public static string? Translate(string code, IReadOnlyDictionary<string, string> variableTypes, bool condition)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(variableTypes);
        var text = code.Trim();
        if (text.StartsWith("return ", StringComparison.Ordinal))
        {
            text = text[7..];
        }

        text = text.TrimEnd().TrimEnd(';').Trim();
        if (text.Length == 0 || text.Contains(';', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal))
        {
            return null; // statements, not one expression
        }

        var unknown = false;
        string Read(string name)
        {
            if (!variableTypes.TryGetValue(name, out var type))
            {
                unknown = true;
                return name;
            }

            return $"Variables.{ReaderFor(type)}(\"{name}\")";
        }

        text = JavaScriptGetter().Replace(text, m => Read(m.Groups[1].Value));
        text = VariableMember().Replace(text, m => Read(m.Groups[1].Value));
        text = text.Replace("===", "==", StringComparison.Ordinal).Replace("!==", "!=", StringComparison.Ordinal);
        text = SingleQuoted().Replace(text, m => $"\"{m.Groups[1].Value}\"");
        text = CapitalFlag().Replace(text, m => m.Value.ToLowerInvariant());
        if (unknown || !Allowed().IsMatch(text))
        {
            return null;
        }

        return Compiler.TryCompileStep(text, condition, out _, out _) ? text : null;
    }

    /// <summary>The reader an Elsa variable type is read with: numbers, flags, or text.</summary>
    public static string ReaderFor(string? elsaTypeName) => elsaTypeName switch
    {
        "Int32" or "Int64" or "Int16" or "Double" or "Single" or "Decimal" or "Number" or "Byte" => "Number",
        "Boolean" => "Flag",
        _ => "Text",
    };

    // getCounter() in Elsa's JavaScript reads the workflow variable Counter.
    [GeneratedRegex(@"\bget([A-Z][A-Za-z0-9_]*)\(\)")]
    private static partial Regex JavaScriptGetter();

    // variables.Counter (JavaScript) and Variables.Counter (C#).
    [GeneratedRegex(@"\b[Vv]ariables\.([A-Za-z_][A-Za-z0-9_]*)\b(?!\()")]
    private static partial Regex VariableMember();

    [GeneratedRegex(@"\b(?:True|False)\b")]
    private static partial Regex CapitalFlag();

    [GeneratedRegex(@"'([^'""\\]*)'")]
    private static partial Regex SingleQuoted();

    // Only variable reads, literals, comparison, logic and arithmetic; anything else (calls, members, lambdas) is not translated.
    [GeneratedRegex(@"^(?:\s|(?:Features|Scores)\.[A-Za-z0-9_]+\b(?!\()|Variables\.(?:Number|Text|Flag)\(""[A-Za-z0-9_]+""\)|\d+(?:\.\d+)?|""[^""\\]*""|true|false|&&|\|\||[!<>=]=?|[-+*/%()])*$")]
    private static partial Regex Allowed();
}
