namespace Automation.Storage.Backup;

/// <summary>
/// A running host holds an exclusive lock on engineFile-lock for as long as it runs, so that a restore (or a second
/// host) can tell the file is in use; the operating system drops it with the process, even after a crash.
/// </summary>
public sealed class EngineFileLock : IDisposable
{
    private readonly FileStream stream;

    private EngineFileLock(FileStream stream)
    {
        this.stream = stream;
    }

    public static string PathFor(string engineFile) => Path.GetFullPath(engineFile) + "-lock";

    /// <summary>The lock, or null while another process holds it.</summary>
    public static EngineFileLock? TryTake(string engineFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(engineFile))!);
        try
        {
            return new EngineFileLock(new FileStream(PathFor(engineFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => stream.Dispose();
}
