namespace Automation.Engine.Processing;

/// <summary>
/// Where processing batches come from and where they are written: the embedded home (one SQLite file, profiles kept
/// in memory and written behind) or the shared home (PostgreSQL, profiles written with each batch). Chosen once, at
/// composition; the <see cref="EventProcessor"/> reads the same whichever it is.
/// </summary>
public interface IProcessingHome
{
    /// <summary>Opens the next batch as the one writer of profiles; null when another process is writing them.</summary>
    Task<ProcessingBatch?> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Waits until the last batch's write has committed (or failed and been dropped).</summary>
    Task DrainAsync(CancellationToken cancellationToken);
}
