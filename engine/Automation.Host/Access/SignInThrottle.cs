using System.Threading.RateLimiting;
using Automation.Engine.Configuration;
using Microsoft.Extensions.Options;

namespace Automation.Host.Access;

/// <summary>
/// Wrong passwords per account and per client address, in fixed one-minute windows (the rate limiter of
/// System.Threading.RateLimiting that ASP.NET Core's middleware uses). Only failures spend permits, so people who
/// type their password right are never held back; once either window is spent, sign-in answers 429 until it turns.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> accounts;
    private readonly PartitionedRateLimiter<string> addresses;

    public SignInThrottle(IOptions<AutomationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        accounts = Limiter(options.Value.Access.SignInFailuresPerAccount);
        addresses = Limiter(options.Value.Access.SignInFailuresPerAddress);
    }

    /// <summary>False when this account or this address has used up its wrong passwords for the minute.</summary>
    public bool MayTry(string account, string address) =>
        Available(accounts, account) && Available(addresses, address);

    public void Failed(string account, string address)
    {
        using var byAccount = accounts.AttemptAcquire(account);
        using var byAddress = addresses.AttemptAcquire(address);
    }

    public void Dispose()
    {
        accounts.Dispose();
        addresses.Dispose();
    }

    private static bool Available(PartitionedRateLimiter<string> limiter, string key) =>
        limiter.GetStatistics(key) is not { CurrentAvailablePermits: <= 0 };

    private static PartitionedRateLimiter<string> Limiter(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
