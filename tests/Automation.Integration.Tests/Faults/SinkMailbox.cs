using System.Collections.Concurrent;
using System.Globalization;
using MimeKit;

namespace Automation.Integration.Tests.Faults;

/// <summary>
/// The emails a drill's customers received at the shared SMTP sink, read incrementally: each Maildir file is parsed
/// once, and files delivered before the mailbox was made are passed over by their name (a Maildir name starts with the
/// delivery's Unix time), so polling stays cheap even when the sink holds hundreds of thousands of older messages:
/// parsing those on the first poll took minutes, and the drill's fault struck long after it should have.
/// </summary>
public sealed class SinkMailbox(string recipientPrefix)
{
    private readonly ConcurrentDictionary<string, ReceivedMail?> seen = new(StringComparer.Ordinal);
    private readonly long since = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5;

    public IReadOnlyList<ReceivedMail> Received()
    {
        var folder = Path.Combine(TestServices.Require(TestServices.Maildir), "new");
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            if (seen.ContainsKey(file))
            {
                continue;
            }

            var name = Path.GetFileName(file);
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && long.TryParse(name.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var delivered) && delivered < since)
            {
                seen[file] = null;
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
