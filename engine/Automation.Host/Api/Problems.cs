using Automation.Engine.Events;
using Automation.Engine.Workflows.Authoring;

namespace Automation.Host.Api;

/// <summary>RFC 7807 problem details with the fields and reasons a caller needs to fix the request.</summary>
public static class Problems
{
    public static IResult Validation(string field, string reason) =>
        Validation("The request is not valid", [new ProblemItem(null, field, reason)]);

    public static IResult Validation(string title, IReadOnlyList<ProblemItem> items) =>
        TypedResults.ValidationProblem(
            items.GroupBy(i => i.Field).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()),
            detail: string.Join("; ", items.Take(5).Select(i => string.IsNullOrEmpty(i.Field) ? i.Message : $"{i.Field}: {i.Message}")) + (items.Count > 5 ? $"; and {items.Count - 5} more" : ""),
            title: title,
            extensions: new Dictionary<string, object?> { ["problems"] = items });

    public static IResult Events(IReadOnlyList<EventItemError> errors) =>
        Validation(
            "The event batch was refused; nothing was stored",
            errors.Select(e => new ProblemItem(null, e.Index is { } i ? $"events[{i}]{(e.Field.Length > 0 ? "." + e.Field : "")}" : e.Field, e.Reason, Index: e.Index)).ToList());

    public static IResult Definition(IReadOnlyList<DefinitionProblem> problems) =>
        Validation("The workflow definition has problems", problems.Select(p => new ProblemItem(p.ActivityId, p.Field, p.Message)).ToList());

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Not allowed", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
