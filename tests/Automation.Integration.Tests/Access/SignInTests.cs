using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Automation.Integration.Tests.Support;
using Automation.Storage.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Automation.Integration.Tests.Access;

public sealed class SignInTests
{
    [Fact]
    public async Task The_51st_wrong_password_within_a_minute_is_refused_with_429_even_before_the_right_one()
    {
        using var host = AutomationHost.Embedded();
        using var admin = await host.AdminAsync();
        var email = $"target-{Guid.NewGuid():N}@example.test";
        using var person = await host.PersonAsync(admin, email, "marketer");
        using var attacker = host.CreateClient();
        for (var i = 1; i <= 50; i++)
        {
            using var wrong = await attacker.PostAsJsonAsync("/api/auth/signin", new { email, password = $"guess-{i}" });
            Assert.True(wrong.StatusCode == HttpStatusCode.Unauthorized, $"wrong password {i} answered {(int)wrong.StatusCode}");
        }

        using (var fiftyFirst = await attacker.PostAsJsonAsync("/api/auth/signin", new { email, password = "guess-51" }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, fiftyFirst.StatusCode);
            Assert.NotNull(fiftyFirst.Headers.RetryAfter);
        }

        using (var right = await attacker.PostAsJsonAsync("/api/auth/signin", new { email, password = "person-password-1" }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        }

        // Other accounts behind the same address still sign in.
        using var other = await host.SignInAsync(PersonClient.AdminEmail, PersonClient.AdminPassword);
        var audit = await other.GetFromJsonAsync<JsonElement>("/api/audit?take=500");
        Assert.Equal(50, audit.EnumerateArray().Count(e => e.GetProperty("action").GetString() == "auth.signin.refused" && e.GetProperty("subject").GetString() == $"user/{email}"));
    }

    [Fact]
    public async Task A_wrong_password_costs_the_same_hashing_for_unknown_and_known_emails_and_both_are_audited()
    {
        var hasher = new CountingPasswordHasher();
        using var host = AutomationHost.Embedded(services: s => s.AddSingleton<IPasswordHasher<UserAccount>>(hasher));
        using var admin = await host.AdminAsync();
        using var anonymous = host.CreateClient();

        var before = hasher.Verifications;
        using (var unknown = await anonymous.PostAsJsonAsync("/api/auth/signin", new { email = "nobody@example.test", password = "whatever-1" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        Assert.Equal(1, hasher.Verifications - before);
        before = hasher.Verifications;
        using (var known = await anonymous.PostAsJsonAsync("/api/auth/signin", new { email = PersonClient.AdminEmail, password = "whatever-1" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, known.StatusCode);
            Assert.Equal("the email or password is wrong", (await known.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        Assert.Equal(1, hasher.Verifications - before);
        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?take=500")).EnumerateArray().ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "auth.signin.refused" && e.GetProperty("actor").GetString() == "nobody@example.test");
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "auth.signin.refused" && e.GetProperty("actor").GetString() == PersonClient.AdminEmail);
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == "auth.signin" && e.GetProperty("actor").GetString() == PersonClient.AdminEmail);
    }

    /// <summary>The host's own hasher, counting how many passwords it checked.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<UserAccount>
    {
        private readonly PasswordHasher<UserAccount> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(UserAccount user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
