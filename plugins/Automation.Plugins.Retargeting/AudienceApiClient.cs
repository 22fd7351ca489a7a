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

    /// <summary>
    /// Sends the members in requests of up to BatchSize each; every member gets the answer of the request that carried it.
    /// A request's key is its one action's key, or for several a digest of their keys: a retry of the same members
    /// carries the same key, so the platform drops a repeat.
    /// </summary>
    /// <param name="keys">Each member's action idempotency key, in the members' order.</param>
    /// <returns>One result per member, in order.</returns>
    public async Task<IReadOnlyList<ActionResult>> SendAsync(
        string audience,
        AudienceOperation operation,
        IReadOnlyList<AudienceMember> members,
        IReadOnlyList<string> keys,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(keys);
        if (!Uri.TryCreate(settings.BaseUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            var wrong = ActionResult.Permanent($"Automation:Plugins:Retargeting:BaseUrl '{settings.BaseUrl}' is not an http(s) URL");
            return [.. members.Select(_ => wrong)];
        }

        var path = $"audiences/{Uri.EscapeDataString(audience)}/users{(operation == AudienceOperation.Exclude ? ":remove" : "")}";
        var url = new Uri(baseUri, path);
        var size = Math.Clamp(settings.BatchSize, 1, MaxBatchSize);
        var results = new List<ActionResult>(members.Count);
        for (var start = 0; start < members.Count; start += size)
        {
            var count = Math.Min(size, members.Count - start);
            var chunkKeys = keys.Skip(start).Take(count).ToList();
            var key = count == 1 ? chunkKeys[0] : BatchKey(chunkKeys);
            var body = new AudienceMembersRequest(AudienceMember.Schema, [.. members.Skip(start).Take(count).Select(m => m.ToRow())], key);
            var answer = await PostAsync(url, body, cancellationToken)
                ?? ActionResult.Success($"{(operation == AudienceOperation.Exclude ? "removed from" : "added to")} audience '{audience}' at {baseUri.Host} in a request of {count} member(s)");
            results.AddRange(Enumerable.Repeat(answer, count));
        }

        return results;
    }

    /// <summary>The most members one request may carry (the ad platforms' own ceiling).</summary>
    public const int MaxBatchSize = 10_000;

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

    private static string BatchKey(IEnumerable<string> keys) =>
        "batch-" + MatchKeys.Sha256Hex(string.Join('\n', keys.Order(StringComparer.Ordinal)))[..32];

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
