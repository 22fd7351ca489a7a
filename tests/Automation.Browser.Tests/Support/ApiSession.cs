using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Automation.Browser.Tests.Support;

/// <summary>The API as a signed-in person: the auth cookie, and X-XSRF-TOKEN on every state-changing request.</summary>
public sealed class ApiSession : IDisposable
{
    private readonly HttpClient client;
    private string token = "";

    private ApiSession(HttpClient client)
    {
        this.client = client;
    }

    public static async Task<ApiSession> SignInAsync(Uri baseAddress, TestUser user)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        var session = new ApiSession(new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) });
        try
        {
            using var signIn = await session.client.PostAsJsonAsync("/api/auth/signin", new { email = user.Email, password = user.Password });
            await EnsureAsync(signIn, $"sign in as {user.Email}");
            var antiforgery = await session.client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
            session.token = antiforgery.GetProperty("token").GetString() ?? throw new InvalidOperationException("GET /api/auth/antiforgery gave no token");
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await EnsureAsync(response, $"GET {path}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The answer's JSON, or null when the server answers 404 (not there yet).</summary>
    public async Task<JsonElement?> FindAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureAsync(response, $"GET {path}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> PostAsync(string path, object? body = null)
    {
        using var response = await SendAsync(HttpMethod.Post, path, body);
        await EnsureAsync(response, $"POST {path}");
        return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> PutAsync(string path, object body)
    {
        using var response = await SendAsync(HttpMethod.Put, path, body);
        await EnsureAsync(response, $"PUT {path}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Only the status the API answers: for checking that it refuses what the page does not offer.</summary>
    public async Task<HttpStatusCode> StatusOfAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        return response.StatusCode;
    }

    public void Dispose() => client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (method != HttpMethod.Get)
        {
            request.Headers.Add("X-XSRF-TOKEN", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
