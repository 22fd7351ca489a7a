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
