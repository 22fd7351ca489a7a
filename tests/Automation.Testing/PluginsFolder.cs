namespace Automation.Testing;

/// <summary>
/// A plugins folder of a test's own: the shipped plugins plus the test-only ones (the Proof connector), copied to a
/// temporary folder the host is pointed at, so the shipped artifacts/plugins never holds a test double.
/// </summary>
public sealed class PluginsFolder : IDisposable
{
    private readonly string root;

    private PluginsFolder(string root)
    {
        this.root = root;
    }

    /// <summary>What Automation:PluginsPath points at.</summary>
    public string Path => System.IO.Path.Combine(root, "plugins");

    /// <summary>A scratch folder beside the plugins, for ledgers and marker files.</summary>
    public string Scratch => System.IO.Path.Combine(root, "scratch");

    public static PluginsFolder WithProofPlugin()
    {
        var proof = System.IO.Path.Combine(RepoPaths.TestPlugins, "Automation.Plugins.Proof");
        if (!File.Exists(System.IO.Path.Combine(proof, "Automation.Plugins.Proof.dll")))
        {
            throw new InvalidOperationException($"{proof} holds no Automation.Plugins.Proof.dll: build tests/Automation.Plugins.Proof");
        }

        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "automation-plugins", Guid.NewGuid().ToString("N"));
        var path = System.IO.Path.Combine(root, "plugins");
        foreach (var plugin in Directory.GetDirectories(RepoPaths.Plugins).Append(proof))
        {
            Copy(plugin, System.IO.Path.Combine(path, System.IO.Path.GetFileName(plugin)));
        }

        Directory.CreateDirectory(System.IO.Path.Combine(root, "scratch"));
        return new PluginsFolder(root);
    }

    /// <summary>Adds one more plugin's build output (a folder named like its main assembly).</summary>
    public void Add(string pluginOutput) => Copy(pluginOutput, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(pluginOutput.TrimEnd('/'))));

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // an assembly still mapped by the host that loaded it; the OS cleans the temp folder
        }
        catch (UnauthorizedAccessException)
        {
            // as above
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
