using System.Collections.Concurrent;
using Automation.Engine.Scoring.Models;

namespace Automation.Host.Training;

/// <summary>
/// Training runs started from the web app, one at a time per engine process (two would fit the same history twice
/// and race to activate), each polled for its progress. Finished runs are kept for an hour.
/// </summary>
public sealed partial class TrainingJobs(TrainingRun run, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<TrainingJobs> logger)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, TrainingJob> jobs = new();
    private int running;

    /// <summary>The started run; null while another is still running.</summary>
    public TrainingJob? Start(TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Interlocked.CompareExchange(ref running, 1, 0) != 0)
        {
            return null;
        }

        Forget();
        var job = new TrainingJob(Guid.NewGuid(), request.Score, clock.GetUtcNow());
        jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, request, lifetime.ApplicationStopping));
        return job;
    }

    public TrainingJob? Find(Guid id) => jobs.GetValueOrDefault(id);

    private async Task RunAsync(TrainingJob job, TrainingRequest request, CancellationToken cancellationToken)
    {
        try
        {
            job.Succeed(await run.RunAsync(request, job, cancellationToken), clock.GetUtcNow());
        }
        catch (InvalidOperationException ex)
        {
            job.Fail(ex.Message, clock.GetUtcNow()); // the history cannot train this model; the reason is the user's to read
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            job.Fail("the engine stopped", clock.GetUtcNow());
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, job.Id);
            job.Fail($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow());
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }

    private void Forget()
    {
        var before = clock.GetUtcNow() - KeptFor;
        foreach (var (id, job) in jobs)
        {
            if (job.Finished && job.View().FinishedAt < before)
            {
                jobs.TryRemove(id, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Training run {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);
}
