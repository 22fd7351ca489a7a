using System.Collections.Concurrent;
using System.Text.Json;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Automation.Engine.Actions;

/// <summary>Checks an action's input against its plugin's JSON schema; parsed schemas are cached per action type.</summary>
public static class ActionInputSchemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    public static IEnumerable<(string Field, string Message)> Validate(RegisteredAction action, JsonElement? input)
    {
        ArgumentNullException.ThrowIfNull(action);
        var schema = Schemas.GetOrAdd(action.Type, _ => JsonSchema.FromJsonAsync(action.Descriptor.InputSchema).GetAwaiter().GetResult());
        var json = input is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } i ? i.GetRawText() : "{}";
        return schema.Validate(json).SelectMany(Flatten).Select(e => (Field(e), Message(e)));
    }

    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child ? [error, .. child.Errors.SelectMany(e => e.Value).SelectMany(Flatten)] : [error];

    private static string Field(ValidationError error)
    {
        var path = (error.Path ?? "#").TrimStart('#', '/').Replace('/', '.');
        // NJsonSchema's path already ends with the property for most errors; add it only where it does not.
        var property = error.Property;
        var field = string.IsNullOrEmpty(path) ? property
            : property is null || path == property || path.EndsWith("." + property, StringComparison.Ordinal) ? path
            : $"{path}.{property}";
        return string.IsNullOrEmpty(field) ? "input" : $"input.{field}";
    }

    private static string Message(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"'{error.Property}' is required",
        ValidationErrorKind.StringExpected => "must be text",
        ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected => "must be a number",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"'{error.Property}' is not an input of this action",
        ValidationErrorKind.StringTooShort => "must not be empty",
        _ => error.Kind.ToString(),
    };
}
