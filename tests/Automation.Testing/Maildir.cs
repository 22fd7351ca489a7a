using MimeKit;

namespace Automation.Testing;

/// <summary>Reads what the real SMTP sink received (aiosmtpd writes a Maildir).</summary>
public static class Maildir
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> Recipients = new(StringComparer.Ordinal);

    /// <summary>
    /// Mail written before this test process started is no test's of this run (every test writes to fresh addresses);
    /// skipping it by its time keeps the first read of a sink holding a long day's mail from taking seconds.
    /// </summary>
    private static readonly DateTime StartedUtc = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime() - TimeSpan.FromMinutes(1);

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
        foreach (var file in Directory.Exists(folder) ? FilesOfThisRun(folder) : [])
        {
            if (RecipientsOf(file) is not { } recipients || !recipients.Any(recipient))
            {
                continue;
            }

            try
            {
                found.Add(MimeMessage.Load(file));
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

        foreach (var file in FilesOfThisRun(folder))
        {
            if (RecipientsOf(file) is not { } recipients || !recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            MimeMessage message;
            try
            {
                message = MimeMessage.Load(file);
            }
            catch (IOException)
            {
                continue; // still being written; the next poll reads it
            }

            yield return message;
        }
    }

    private static IEnumerable<string> FilesOfThisRun(string folder) =>
        new System.IO.Enumeration.FileSystemEnumerable<string>(folder, (ref System.IO.Enumeration.FileSystemEntry entry) => entry.ToFullPath())
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory && entry.LastWriteTimeUtc >= StartedUtc,
        }.ToList();

    /// <summary>
    /// The file's recipients, read once: the sink is shared by every run on the machine and holds tens of thousands of
    /// messages, and parsing all of them on every poll made a wait for one email take seconds. Null while being written.
    /// </summary>
    private static string[]? RecipientsOf(string file)
    {
        if (Recipients.TryGetValue(file, out var known))
        {
            return known;
        }

        try
        {
            using var stream = File.OpenRead(file);
            var headers = HeaderList.Load(stream);
            var to = headers[HeaderId.To] is { } value && InternetAddressList.TryParse(value, out var list)
                ? list.Mailboxes.Select(m => m.Address).ToArray()
                : [];
            return Recipients[file] = to;
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            return null;
        }
    }
}
