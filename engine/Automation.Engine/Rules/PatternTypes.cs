using NRules.RuleModel;

namespace Automation.Engine.Rules;

/// <summary>The fact types a rule's conditions match, wherever they sit (in all/any/not/exists groups).</summary>
internal sealed class PatternTypes : RuleElementVisitor<HashSet<Type>>
{
    public static HashSet<Type> Of(IRuleDefinition rule)
    {
        var types = new HashSet<Type>();
        new PatternTypes().Visit(types, rule);
        return types;
    }

    protected override PatternElement VisitPattern(HashSet<Type> context, PatternElement element)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(element);
        context.Add(element.ValueType);
        return base.VisitPattern(context, element);
    }
}
