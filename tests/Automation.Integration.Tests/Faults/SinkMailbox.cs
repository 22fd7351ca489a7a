using System.Collections.Concurrent;
using MimeKit;

namespace Automation.Integration.Tests.Faults;

/// <summary>
/// The emails a drill's customers received at the shared SMTP sink, read incrementally: each Maildir file is parsed
/// once, so polling thousands of messages every few hundred milliseconds stays cheap.
/// </summary>
public sealed class SinkMailbox(string recipientPrefix)
{
    private readonly ConcurrentDictionary<string, ReceivedMail?> seen = new(StringComparer.Ordinal);

    public IReadOnlyList<ReceivedMail> Received()
    {
        var folder = Path.Combine(TestServices.Require(TestServices.Maildir), "new");
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            if (seen.ContainsKey(file))
            {
                continue;
            }

            try
            {
                var message = MimeMessage.Load(file);
                var to = message.To.Mailboxes.Select(m => m.Address).FirstOrDefault(a => a.StartsWith(recipientPrefix, StringComparison.OrdinalIgnoreCase));
                seen[file] = to is null ? null : new ReceivedMail(to.ToLowerInvariant(), message.MessageId ?? "");
            }
            catch (Exception ex) when (ex is IOException or FormatException)
            {
                // still being written; the next read finds it
            }
        }

        return [.. seen.Values.OfType<ReceivedMail>()];
    }

    public int Count() => Received().Count;
}

public sealed record ReceivedMail(string To, string MessageId);
