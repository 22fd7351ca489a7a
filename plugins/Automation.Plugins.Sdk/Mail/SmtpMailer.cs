using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Automation.Plugins.Sdk.Mail;

/// <summary>
/// The one SMTP client of the product (MailKit), for the email and sales-alert connectors and the approvers' digest:
/// connects with the configured security, authenticates when a user is set, and says what a failure means for an
/// action (the server's 5xx is permanent; a refused or broken connection, a 4xx or a timeout is retryable).
/// </summary>
public sealed class SmtpMailer(SmtpServerSettings server)
{
    /// <summary>Whether <paramref name="text"/> is one mailbox with a domain ("Ann &lt;ann@shop.example&gt;" is).</summary>
    public static bool IsAddress([NotNullWhen(true)] string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);

    /// <summary>Sends one email on a connection of its own; the result is the action's outcome.</summary>
    public async Task<ActionResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (!IsAddress(email.ToAddress))
        {
            return ActionResult.Permanent($"'{email.ToAddress}' is not an email address");
        }

        using var message = Build(email);
        try
        {
            await SendAllAsync([message], cancellationToken);
            return ActionResult.Success($"sent '{email.Subject}' to {Address(email.ToAddress)} as {message.MessageId}");
        }
        catch (SmtpCommandException ex) when (ex.StatusCode is >= (SmtpStatusCode)500 and < (SmtpStatusCode)600)
        {
            return ActionResult.Permanent($"the SMTP server refused the message for {Address(email.ToAddress)}: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (IsPassing(ex))
        {
            return ActionResult.Retryable($"SMTP {server.Host}:{server.Port} failed: {ex.Message}");
        }
    }

    /// <summary>Sends every email over one connection, in order; the first failure ends it (MailKit's exception).</summary>
    public async Task SendAllAsync(IEnumerable<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var messages = emails.Select(Build).ToList();
        try
        {
            await SendAllAsync(messages, cancellationToken);
        }
        finally
        {
            messages.ForEach(m => m.Dispose());
        }
    }

    /// <summary>Whether an exception from <see cref="SendAllAsync(IEnumerable{OutgoingEmail}, CancellationToken)"/> may pass if tried again.</summary>
    public static bool IsPassing(Exception exception) =>
        exception is SmtpCommandException or SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException or AuthenticationException or TimeoutException;

    /// <summary>A connected session, authenticated when a user is set; the one place SMTP connections are opened.</summary>
    internal async Task<SmtpClient> OpenAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(server.Host, server.Port, SecurityOf(server), cancellationToken);
            if (!string.IsNullOrEmpty(server.Username))
            {
                await client.AuthenticateAsync(server.Username, server.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task SendAllAsync(IReadOnlyList<MimeMessage> messages, CancellationToken cancellationToken)
    {
        using var client = await OpenAsync(cancellationToken);
        foreach (var message in messages)
        {
            await client.SendAsync(message, cancellationToken);
        }

        await client.DisconnectAsync(true, cancellationToken);
    }

    internal static MimeMessage Build(OutgoingEmail email)
    {
        var to = MailboxAddress.Parse(email.ToAddress);
        if (!string.IsNullOrWhiteSpace(email.ToName))
        {
            to.Name = email.ToName;
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(email.FromName, email.FromAddress));
        message.To.Add(to);
        message.Subject = email.Subject;
        if (!string.IsNullOrEmpty(email.MessageId))
        {
            message.MessageId = email.MessageId;
        }

        foreach (var (name, value) in email.Headers)
        {
            message.Headers.Add(name, value);
        }

        message.Body = new BodyBuilder
        {
            TextBody = string.IsNullOrEmpty(email.Text) ? null : email.Text,
            HtmlBody = string.IsNullOrEmpty(email.Html) ? null : email.Html,
        }.ToMessageBody();
        return message;
    }

    internal static string Address(string text) => MailboxAddress.TryParse(text, out var mailbox) ? mailbox.Address : text;

    internal static SecureSocketOptions SecurityOf(SmtpServerSettings server) =>
        Enum.TryParse<SecureSocketOptions>(server.Security, ignoreCase: true, out var s) && !string.Equals(server.Security, "Auto", StringComparison.OrdinalIgnoreCase)
            ? s
            : server.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
}
