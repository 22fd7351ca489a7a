using Automation.Engine.Expressions;
using Automation.Engine.Profiles;
using Automation.Host.Access;

namespace Automation.Host.Api;

public static class ExpressionsApi
{
    public static void MapExpressionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/expressions").RequireAuthorization().WithTags("Expressions");
        group.MapGet("/members", Members).WithSummary("Feature and score names an expression may use, with their types")
            .Produces<IReadOnlyList<ExpressionMember>>();
        group.MapPost("/validate", (PreviewRequest body, ProfileExpressionCompiler compiler) =>
        {
            var valid = compiler.TryCompile(body.Expression, out _, out var problems);
            return TypedResults.Ok(new ExpressionCheck(valid, problems));
        }).RequireAuthorization(Policies.Design).WithSummary("Checks an expression; problems carry the character position");
    }

    private static IResult Members() => TypedResults.Ok(
        typeof(CustomerFeatures).GetProperties().Select(p => new ExpressionMember("Features." + p.Name, TypeName(p.PropertyType), Unit(p.Name)))
            .Concat(typeof(CustomerScores).GetProperties().Select(p => new ExpressionMember("Scores." + p.Name, TypeName(p.PropertyType))))
            .Where(m => m.Name != "Features.CustomerId").ToList());

    /// <summary>Day counts are named so (DaysInactive, DaysSinceLastPurchase); the designer offers them in days or weeks.</summary>
    private static string? Unit(string name) => name.StartsWith("Days", StringComparison.Ordinal) ? "days" : null;

    private static string TypeName(Type type) => type == typeof(int) ? "int"
        : type == typeof(double) ? "double"
        : type == typeof(decimal) ? "decimal"
        : type == typeof(bool) ? "bool"
        : "string";
}
