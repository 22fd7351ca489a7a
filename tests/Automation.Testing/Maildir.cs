using MimeKit;

namespace Automation.Testing;

/// <summary>Reads what the real SMTP sink received (aiosmtpd writes a Maildir).</summary>
public static class Maildir
{
    public static async Task<MimeMessage> WaitForMessageToAsync(string recipient, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = MessagesTo(recipient).FirstOrDefault();
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no email to {recipient} arrived at the SMTP sink within {timeout.TotalSeconds:0} s");
    }

    /// <summary>Every received message with a recipient the filter picks, read in one pass over the Maildir.</summary>
    public static IReadOnlyList<MimeMessage> MessagesToAny(Func<string, bool> recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var folder = Path.Combine(TestServices.Require(TestServices.Maildir), "new");
        var found = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            try
            {
                var message = MimeMessage.Load(file);
                if (message.To.Mailboxes.Any(m => recipient(m.Address)))
                {
                    found.Add(message);
                }
            }
            catch (IOException)
            {
                // still being written; the next read finds it
            }
        }

        return found;
    }

    public static IReadOnlyList<MimeMessage> MessagesTo(string recipient) =>
        Find(Path.Combine(TestServices.Require(TestServices.Maildir), "new"), recipient).ToList();

    private static IEnumerable<MimeMessage> Find(string folder, string recipient)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.GetFiles(folder))
        {
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(file);
            }
            catch (IOException)
            {
                continue; // still being written; the next poll reads it
            }

            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
            {
                yield return message;
            }
        }
    }
}
