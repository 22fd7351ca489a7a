namespace Automation.Host.Api;

/// <summary>
/// How to publish. <see cref="StartCurrentMembers"/> also starts the workflow for every customer already in its
/// trigger's segment (segment-entered triggers only), through the audience path a scheduled trigger takes.
/// </summary>
public sealed record PublishOptions
{
    public bool StartCurrentMembers { get; init; }
}
