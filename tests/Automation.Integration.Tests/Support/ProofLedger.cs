namespace Automation.Integration.Tests.Support;

/// <summary>The Proof plugin's delivery ledger: one line per delivery it carried out (key, action type, time).</summary>
public sealed class ProofLedger(string path)
{
    public string Path { get; } = path;

    public IReadOnlyList<string> Keys()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        // Opened shared: the plugin may be appending while the test reads.
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var keys = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                keys.Add(line.Split('\t')[0]);
            }
        }

        return keys;
    }
}
