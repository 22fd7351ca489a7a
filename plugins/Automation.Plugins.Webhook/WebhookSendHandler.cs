using System.Net;
using System.Text;
using Automation.Plugins.Sdk;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Webhook;

/// <summary>
/// Calls the step's URL with the action's Idempotency-Key (the same on every retry and re-send); 408/429/5xx and
/// timeouts are retried like other actions, other refusals are permanent, and hosts outside the allow-list are refused.
/// </summary>
public sealed class WebhookSendHandler : ActionHandler<WebhookSendInput>, IDisposable
{
    private readonly WebhookSettings settings;
    private readonly HttpClient http;

    public WebhookSendHandler(IOptions<WebhookSettings> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = options.Value;
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds > 0 ? settings.TimeoutSeconds : 15),
        };
    }

    protected override async Task<ActionResult> HandleAsync(ActionRequest request, WebhookSendInput input, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ActionResult.Permanent($"'{input.Url}' is not an http(s) URL");
        }

        if (!settings.AllowedHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            return ActionResult.Permanent($"host {url.Host} is not in Automation:Plugins:Webhook:AllowedHosts");
        }

        using var message = new HttpRequestMessage(new HttpMethod(string.IsNullOrWhiteSpace(input.Method) ? "POST" : input.Method.ToUpperInvariant()), url);
        if (!string.IsNullOrEmpty(input.Body))
        {
            message.Content = new StringContent(BodyTemplate.Render(input.Body, request.Customer), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in input.Headers ?? new Dictionary<string, string>())
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.Remove("Idempotency-Key");
        message.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
        try
        {
            using var response = await http.SendAsync(message, cancellationToken);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return ActionResult.Success($"{message.Method} {url.Host}{url.AbsolutePath} answered {code}");
            }

            return code is >= 500 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests
                ? ActionResult.Retryable($"{url.Host} answered {code}")
                : ActionResult.Permanent($"{url.Host} refused the call ({code})");
        }
        catch (HttpRequestException ex)
        {
            return ActionResult.Retryable($"{url.Host} is unreachable: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ActionResult.Retryable($"{url.Host} did not answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    public void Dispose() => http.Dispose();
}
