using System.Net;
using System.Net.Http.Json;
using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.SalesAlert;

/// <summary>Posts alerts to the configured incoming webhook; 408/429/5xx and timeouts are worth retrying, other refusals are not.</summary>
public sealed class WebhookSender : IDisposable
{
    private readonly SalesAlertSettings settings;
    private readonly HttpClient http;

    public WebhookSender(IOptions<SalesAlertSettings> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = options.Value;

        // One client for the plugin's lifetime; a bounded connection lifetime picks up DNS changes as IHttpClientFactory would.
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds > 0 ? settings.TimeoutSeconds : 15),
        };
    }

    public async Task<ActionResult> PostAsync(SalesAlertMessage alert, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(settings.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            // Never echo the URL: for Slack the URL is the secret.
            return ActionResult.Permanent("Automation:Plugins:SalesAlert:WebhookUrl is not an http(s) URL");
        }

        try
        {
            // Receivers that honour Idempotency-Key drop a repeat sent after a crash; Slack ignores the header.
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(SlackPayload.Build(alert)) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return ActionResult.Success($"posted to the webhook at {url.Host}");
            }

            var code = (int)response.StatusCode;
            var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            var message = body.Length == 0 ? response.ReasonPhrase ?? response.StatusCode.ToString() : body.Length <= 500 ? body : body[..500] + "…";
            return code is >= 500 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests
                ? ActionResult.Retryable($"the webhook at {url.Host} answered {code}: {message}")
                : ActionResult.Permanent($"the webhook at {url.Host} rejected the alert ({code}): {message}");
        }
        catch (HttpRequestException ex)
        {
            return ActionResult.Retryable($"the webhook at {url.Host} is unreachable: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; only the caller's token means "stop".
            return ActionResult.Retryable($"the webhook at {url.Host} did not answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    public void Dispose() => http.Dispose();
}
