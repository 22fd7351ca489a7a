using System.Text.Json;

namespace Automation.Plugins.Sdk;

/// <summary>Reads an activity's input JSON (camelCase) into a handler's input type, for single and batch handlers alike.</summary>
internal static class ActionInput
{
    private static readonly JsonSerializerOptions InputJson = new(JsonSerializerDefaults.Web);

    /// <returns>The input, or null with <paramref name="failure"/> set to the permanent failure to report.</returns>
    public static TInput? Read<TInput>(ActionRequest request, out ActionResult? failure)
        where TInput : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var input = request.Input.Deserialize<TInput>(InputJson);
            failure = input is null ? ActionResult.Permanent("input is missing") : null;
            return input;
        }
        catch (JsonException ex)
        {
            failure = ActionResult.Permanent($"input does not match {typeof(TInput).Name}: {ex.Message}");
            return null;
        }
    }
}
