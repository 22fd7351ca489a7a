using Automation.Engine.Events.Import;

namespace Automation.Cli.Import;

/// <summary>What `automation import` was asked: the file, how to read it, when it fails, and whether to build profiles after.</summary>
public sealed record ImportRequest(
    FileInfo File,
    ImportFormat? Format,
    string? Columns,
    string? DateFormat,
    string Currency,
    double MaxSkipped,
    DateTime? AsOf,
    bool BuildProfiles);
