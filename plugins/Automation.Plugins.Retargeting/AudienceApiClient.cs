using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Retargeting;

/// <summary>
/// Adds members to, or removes them from, an audience of the ad platform's audience API and maps its answers:
/// 408/429/5xx and timeouts are worth retrying, any other refusal is not.
/// </summary>
public sealed class AudienceApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly RetargetingSettings settings;
    private readonly HttpClient http;

    public AudienceApiClient(IOptions<RetargetingSettings> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = options.Value;

        // One client for the plugin's lifetime; a bounded connection lifetime picks up DNS changes as IHttpClientFactory would.
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds > 0 ? settings.TimeoutSeconds : 30),
        };
    }

    public async Task<ActionResult> SendAsync(
        string audience,
        AudienceOperation operation,
        IReadOnlyList<AudienceMember> members,
        string idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (!Uri.TryCreate(settings.BaseUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            return ActionResult.Permanent($"Automation:Plugins:Retargeting:BaseUrl '{settings.BaseUrl}' is not an http(s) URL");
        }

        var path = $"audiences/{Uri.EscapeDataString(audience)}/users{(operation == AudienceOperation.Exclude ? ":remove" : "")}";
        var url = new Uri(baseUri, path);
        var batches = members.Chunk(Math.Max(1, settings.BatchSize)).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            // Each batch is its own request, so each needs its own key; a single batch keeps the action's key as is.
            var key = batches.Count == 1 ? idempotencyKey : $"{idempotencyKey}:{i + 1}";
            var body = new AudienceMembersRequest(AudienceMember.Schema, [.. batches[i].Select(m => m.ToRow())], key);
            var failure = await PostAsync(url, body, cancellationToken);
            if (failure is not null)
            {
                return failure;
            }
        }

        var verb = operation == AudienceOperation.Exclude ? "removed" : "added";
        return ActionResult.Success($"{verb} {members.Count} member(s) {(operation == AudienceOperation.Exclude ? "from" : "to")} audience '{audience}' at {baseUri.Host}");
    }

    public void Dispose() => http.Dispose();

    /// <returns>Null when the platform accepted the batch, otherwise the failure to report.</returns>
    private async Task<ActionResult?> PostAsync(Uri url, AudienceMembersRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        if (!string.IsNullOrEmpty(settings.AccessToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        }

        request.Headers.TryAddWithoutValidation("Idempotency-Key", body.IdempotencyKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var code = (int)response.StatusCode;
            var message = await ErrorMessageAsync(response, cancellationToken);
            return code is >= 500 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests
                ? ActionResult.Retryable($"the audience API answered {code}: {message}")
                : ActionResult.Permanent($"the audience API rejected the request ({code}): {message}");
        }
        catch (HttpRequestException ex)
        {
            return ActionResult.Retryable($"the audience API at {url.Host} is unreachable: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; only the caller's token means "stop".
            return ActionResult.Retryable($"the audience API at {url.Host} did not answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>The platform's own words: error.message, message, detail or title of a JSON body, else the body's start.</summary>
    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        if (text.Length == 0)
        {
            return response.ReasonPhrase ?? response.StatusCode.ToString();
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.String)
                    {
                        return error.GetString()!;
                    }

                    if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var nested) && nested.ValueKind == JsonValueKind.String)
                    {
                        return nested.GetString()!;
                    }
                }

                foreach (var name in (string[])["message", "detail", "title", "error_description"])
                {
                    if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString()!;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the message.
        }

        return text.Length <= 500 ? text : text[..500] + "…";
    }
}
