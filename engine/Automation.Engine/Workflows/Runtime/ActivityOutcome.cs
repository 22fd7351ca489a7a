namespace Automation.Engine.Workflows.Runtime;

/// <summary>What an activity did: go on through a port, wait on a bookmark, end the instance, fork into branches, or arrive at a join.</summary>
public sealed record ActivityOutcome
{
    private ActivityOutcome(string? port, Bookmark? bookmark, bool ends, string summary, IReadOnlyList<string>? branches = null, bool arrives = false)
    {
        Port = port;
        Bookmark = bookmark;
        Ends = ends;
        Summary = summary;
        Branches = branches;
        Arrives = arrives;
    }

    public string? Port { get; }

    public Bookmark? Bookmark { get; }

    public bool Ends { get; }

    /// <summary>A short line for the instance's journal.</summary>
    public string Summary { get; }

    /// <summary>A fork's ports: the runner runs one branch instance per connected port.</summary>
    public IReadOnlyList<string>? Branches { get; }

    /// <summary>A branch reached its join: the branch ends and its fork's instance may go on.</summary>
    public bool Arrives { get; }

    public static ActivityOutcome Continue(string port, string summary = "") => new(port, null, false, summary);

    public static ActivityOutcome Suspend(Bookmark bookmark, string summary = "") => new(null, bookmark, false, summary);

    public static ActivityOutcome End(string summary = "") => new(null, null, true, summary);

    public static ActivityOutcome Fork(IReadOnlyList<string> branches, string summary = "") => new(null, null, false, summary, branches);

    public static ActivityOutcome Arrive(string summary = "") => new(null, null, false, summary, arrives: true);
}
