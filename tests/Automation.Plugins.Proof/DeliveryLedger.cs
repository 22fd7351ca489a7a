using System.Globalization;
using Microsoft.Extensions.Options;

namespace Automation.Plugins.Proof;

/// <summary>Appends one line per delivery; a test reads the file to count what arrived, and how often.</summary>
public sealed class DeliveryLedger(IOptions<ProofSettings> options)
{
    private readonly Lock gate = new();

    public void Record(string idempotencyKey, string actionType)
    {
        var path = options.Value.LedgerPath;
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{idempotencyKey}\t{actionType}\t{DateTime.UtcNow.Ticks}{Environment.NewLine}");
        lock (gate)
        {
            File.AppendAllText(path, line);
        }
    }

    /// <summary>One line per call of a batch handler, in the file beside the ledger: "call", the batch size, the time.</summary>
    public void RecordCall(int size)
    {
        var path = options.Value.LedgerPath;
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"call\t{size}\t{DateTime.UtcNow.Ticks}{Environment.NewLine}");
        lock (gate)
        {
            File.AppendAllText(path + ".calls", line);
        }
    }
}
