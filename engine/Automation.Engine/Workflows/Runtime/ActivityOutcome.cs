namespace Automation.Engine.Workflows.Runtime;

/// <summary>What an activity did: go on through a port, wait on a bookmark, or end the instance.</summary>
public sealed record ActivityOutcome
{
    private ActivityOutcome(string? port, Bookmark? bookmark, bool ends, string summary)
    {
        Port = port;
        Bookmark = bookmark;
        Ends = ends;
        Summary = summary;
    }

    public string? Port { get; }

    public Bookmark? Bookmark { get; }

    public bool Ends { get; }

    /// <summary>A short line for the instance's journal.</summary>
    public string Summary { get; }

    public static ActivityOutcome Continue(string port, string summary = "") => new(port, null, false, summary);

    public static ActivityOutcome Suspend(Bookmark bookmark, string summary = "") => new(null, bookmark, false, summary);

    public static ActivityOutcome End(string summary = "") => new(null, null, true, summary);
}
