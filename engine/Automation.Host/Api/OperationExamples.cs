using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Automation.Host.Api;

/// <summary>
/// Every request body and successful response of the OpenAPI document carries an example, built from the .NET type the
/// endpoint declares and written with the API's own JSON settings, so the example has exactly the shape the API sends.
/// </summary>
public static class OperationExamples
{
    public static void AddOperationExamples(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, context, _) =>
        {
            var json = context.ApplicationServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
            var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
            if (body is not null && operation.RequestBody?.Content is { } requestContent)
            {
                Attach(requestContent, body, json);
            }

            foreach (var response in context.Description.SupportedResponseTypes.Where(r => r.StatusCode is >= 200 and < 300 && r.Type is { } t && t != typeof(void)))
            {
                if (operation.Responses?.TryGetValue(response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var described) == true
                    && described.Content is { } content && !typeof(ProblemDetails).IsAssignableFrom(response.Type))
                {
                    Attach(content, response.Type!, json);
                }
            }

            return Task.CompletedTask;
        });
    }

    private static void Attach(IDictionary<string, OpenApiMediaType> content, Type type, JsonSerializerOptions json)
    {
        var example = ExampleValues.Of(type);
        if (example is null)
        {
            return;
        }

        var node = JsonSerializer.SerializeToNode(example, type, json);
        foreach (var media in content.Values)
        {
            media.Example ??= node?.DeepClone();
        }
    }
}
