using Automation.Engine.Workflows.Import;

namespace Automation.Engine.Tests.Workflows.Elsa;

public sealed class ElsaExpressionTranslatorTests
{
    private static readonly Dictionary<string, string> Variables = new(StringComparer.Ordinal) { ["Counter"] = "Int32", ["Tier"] = "String", ["Vip"] = "Boolean" };

    [Theory]
    [InlineData("getCounter() > 1", "Variables.Number(\"Counter\") > 1")]
    [InlineData("return getCounter() >= 3 && !getVip();", "Variables.Number(\"Counter\") >= 3 && !Variables.Flag(\"Vip\")")]
    [InlineData("variables.Tier === 'gold'", "Variables.Text(\"Tier\") == \"gold\"")]
    [InlineData("Variables.Counter * 2 + 1 < 10 || False", "Variables.Number(\"Counter\") * 2 + 1 < 10 || false")]
    public void Simple_javascript_and_csharp_conditions_become_our_expressions(string code, string expected) =>
        Assert.Equal(expected, ElsaExpressionTranslator.Translate(code, Variables, condition: true));

    [Theory]
    [InlineData("Math.random() < 0.5")] // a call our language does not have
    [InlineData("getUnknown() > 1")] // a variable the workflow does not declare
    [InlineData("const x = getCounter(); return x > 1;")] // statements
    [InlineData("getCounter() + 1")] // not a condition
    public void Code_our_language_cannot_say_is_left_untranslated(string code) =>
        Assert.Null(ElsaExpressionTranslator.Translate(code, Variables, condition: true));
}
