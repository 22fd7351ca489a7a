using MailKit.Net.Smtp;

namespace Automation.Plugins.Sdk.Mail;

/// <summary>
/// One connected, authenticated SMTP session kept open between batches, so a campaign pays the connect, STARTTLS and
/// AUTH round trips once instead of once per message. Each message gets its own result: the server's 5xx for one
/// recipient fails that message alone, and once a message may have gone out its success is never lost to a later
/// fault (a broken connection or a stopping engine leaves the rest retryable, unsent). Register it as a singleton.
/// </summary>
public sealed class SmtpConnectionPool(SmtpServerSettings server) : IDisposable
{
    /// <summary>Servers drop idle sessions (often after 30–60 s); an older one is checked with NOOP first.</summary>
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim turn = new(1, 1);
    private SmtpClient? client;
    private DateTime lastUsed;

    /// <returns>One result per email, in order.</returns>
    public async Task<IReadOnlyList<ActionResult>> SendEachAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var results = new ActionResult?[emails.Count];
        await turn.WaitAsync(cancellationToken);
        try
        {
            for (var i = 0; i < emails.Count; i++)
            {
                var email = emails[i];
                if (!SmtpMailer.IsAddress(email.ToAddress))
                {
                    results[i] = ActionResult.Permanent($"'{email.ToAddress}' is not an email address");
                    continue;
                }

                var outcome = await SendOneAsync(email, cancellationToken);
                results[i] = outcome.Result;
                if (outcome.ConnectionLost)
                {
                    // The rest were not sent: they are retried on a fresh connection.
                    for (var j = i + 1; j < emails.Count; j++)
                    {
                        results[j] = ActionResult.Retryable($"not sent: {outcome.Result.Detail}");
                    }

                    break;
                }
            }
        }
        finally
        {
            turn.Release();
        }

        return [.. results.Select(r => r!)];
    }

    public void Dispose()
    {
        Drop();
        turn.Dispose();
    }

    private async Task<(ActionResult Result, bool ConnectionLost)> SendOneAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        using var message = SmtpMailer.Build(email);
        try
        {
            var session = await SessionAsync(cancellationToken);
            await session.SendAsync(message, cancellationToken);
            lastUsed = DateTime.UtcNow;
            return (ActionResult.Success($"sent '{email.Subject}' to {SmtpMailer.Address(email.ToAddress)} as {message.MessageId}"), false);
        }
        catch (SmtpCommandException ex) when (ex.StatusCode is >= (SmtpStatusCode)500 and < (SmtpStatusCode)600)
        {
            // Refused for this message; the session goes on (MailKit resets the transaction).
            return (ActionResult.Permanent($"the SMTP server refused the message for {SmtpMailer.Address(email.ToAddress)}: {(int)ex.StatusCode} {ex.Message}"), false);
        }
        catch (SmtpCommandException ex)
        {
            return (ActionResult.Retryable($"SMTP {server.Host}:{server.Port} answered {(int)ex.StatusCode}: {ex.Message}"), false);
        }
        catch (Exception ex)
        {
            // Anything else (a broken connection, a timeout, the engine stopping) ends the session: nothing after this
            // message may be reported as sent, and nothing before it may be lost by throwing.
            Drop();
            return (ActionResult.Retryable($"SMTP {server.Host}:{server.Port} failed: {ex.Message}"), true);
        }
    }

    private async Task<SmtpClient> SessionAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true } open)
        {
            if (DateTime.UtcNow - lastUsed < IdleCheck)
            {
                return open;
            }

            try
            {
                await open.NoOpAsync(cancellationToken);
                return open;
            }
            catch (Exception ex) when (SmtpMailer.IsPassing(ex))
            {
                Drop();
            }
        }

        Drop();
        var fresh = await new SmtpMailer(server).OpenAsync(cancellationToken);
        client = fresh;
        lastUsed = DateTime.UtcNow;
        return fresh;
    }

    private void Drop()
    {
        client?.Dispose();
        client = null;
    }
}
