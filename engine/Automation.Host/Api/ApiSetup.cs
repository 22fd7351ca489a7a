using System.Text.Json;
using System.Text.Json.Serialization;
using Automation.Host.Outages;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace Automation.Host.Api;

public static class ApiSetup
{
    public static void AddApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = TellToRetryWhenUnavailable);
        // Without it minimal APIs took the validator for the request body and PUT /api/segments/{key} answered 500.
        builder.Services.AddSingleton<IValidator<SegmentInput>, SegmentInputValidator>();
        builder.Services.AddOpenApi(o =>
        {
            o.AddSecuritySchemes();
            o.AddOperationRoles();
            o.AddOperationExamples();
        });
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
    }

    /// <summary>Every error leaves as RFC 7807 problem details, unexpected ones without internals.</summary>
    public static void UseApiProblems(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when OutageClassifier.Classify(ex) is not null => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
    }

    /// <summary>
    /// A request that failed because the database (or broker) is unreachable answers 503 with Retry-After and a problem
    /// type that says so: the producer sends again later. Nothing of it was stored (each write is one transaction).
    /// </summary>
    private static void TellToRetryWhenUnavailable(ProblemDetailsContext context)
    {
        if (OutageClassifier.Classify(context.Exception) is not { } dependency)
        {
            return;
        }

        var what = dependency == Dependency.Database ? "database" : "message broker";
        context.ProblemDetails.Type = OutagesSetup.ProblemType;
        context.ProblemDetails.Title = $"The {what} is unreachable for now; try again later";
        context.ProblemDetails.Detail = $"Nothing of this request was stored. Send it again after {OutagesSetup.RetryAfterSeconds} seconds.";
        context.HttpContext.Response.Headers.RetryAfter = OutagesSetup.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Actor(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity?.Name ?? "anonymous";
    }

    /// <summary>Reads a JSON body, or a problem naming what is wrong with it.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(this HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null ? (null, Problems.Validation("body", "the request body is empty")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Validation(string.IsNullOrEmpty(ex.Path) ? "body" : ex.Path.TrimStart('$', '.'), $"malformed JSON: {ex.Message}"));
        }
    }
}
