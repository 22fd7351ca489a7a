using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Automation.Plugins.Tests.Support;

/// <summary>
/// A real HTTP server on a free local port standing in for an external API: it records every request and answers
/// with whatever the test set (200 "{}" by default).
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private RecordingServer(WebApplication app) => this.app = app;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The status and body of the next answers.</summary>
    public (int Status, string Body) Answer { get; set; } = (200, "{}");

    /// <summary>How long to wait before answering, to provoke client timeouts.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", headers, body));
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var (status, answer) = Answer;
        context.Response.StatusCode = status;
        context.Response.ContentType = answer.StartsWith('{') ? "application/json" : "text/plain";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }
}
