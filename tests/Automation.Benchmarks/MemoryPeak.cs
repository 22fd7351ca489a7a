using System.Diagnostics;

namespace Automation.Benchmarks;

/// <summary>
/// The highest working set and managed heap seen while a stretch of a run lasts, sampled every few milliseconds on a
/// thread of its own: the process's peak working set covers the whole run, not the one pass a goal is about.
/// </summary>
public sealed class MemoryPeak : IDisposable
{
    private readonly Thread sampler;
    private volatile bool stopped;
    private long workingSet;
    private long heap;

    private MemoryPeak()
    {
        sampler = new Thread(Sample) { IsBackground = true, Name = "memory peak" };
        sampler.Start();
    }

    /// <summary>Peak working set in MiB so far.</summary>
    public double WorkingSetMiB => Interlocked.Read(ref workingSet) / 1048576.0;

    /// <summary>Peak managed heap (allocated bytes not yet collected) in MiB so far.</summary>
    public double HeapMiB => Interlocked.Read(ref heap) / 1048576.0;

    public static MemoryPeak Start() => new();

    /// <summary>Stops sampling after one last sample; the peaks stay readable.</summary>
    public void Dispose()
    {
        stopped = true;
        sampler.Join();
    }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        do
        {
            process.Refresh();
            Raise(ref workingSet, process.WorkingSet64);
            Raise(ref heap, GC.GetTotalMemory(false));
            Thread.Sleep(5);
        }
        while (!stopped);

        process.Refresh();
        Raise(ref workingSet, process.WorkingSet64);
        Raise(ref heap, GC.GetTotalMemory(false));
    }

    private static void Raise(ref long peak, long value)
    {
        if (value > Interlocked.Read(ref peak))
        {
            Interlocked.Exchange(ref peak, value);
        }
    }
}
