using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Automation.Engine.Telemetry;

/// <summary>
/// The engine's one ActivitySource and one Meter, both named "Automation". Instruments cost next to nothing while nobody
/// listens (no exporter configured), so the hot paths record unconditionally.
/// </summary>
public static class EngineTelemetry
{
    public const string Name = "Automation";

    public static readonly ActivitySource Traces = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EventsAccepted = Meter.CreateCounter<long>("automation.events.accepted", "{event}", "Events stored durably (answered 202 or taken from the bus door or an import)");

    public static readonly Counter<long> EventsProcessed = Meter.CreateCounter<long>("automation.events.processed", "{event}", "Events folded into profiles, scores, segments and workflows");

    public static readonly Histogram<double> ProcessingLag = Meter.CreateHistogram<double>("automation.events.lag", "s", "Per batch: time from the oldest event's receipt until its batch was processed");

    public static readonly Counter<long> SegmentEntries = Meter.CreateCounter<long>("automation.segments.entered", "{customer}", "Customers entering a segment");

    public static readonly Counter<long> SegmentExits = Meter.CreateCounter<long>("automation.segments.exited", "{customer}", "Customers leaving a segment");

    public static readonly Counter<long> WorkflowsStarted = Meter.CreateCounter<long>("automation.workflows.started", "{instance}", "Workflow instances started");

    public static readonly Counter<long> WorkflowsEnded = Meter.CreateCounter<long>("automation.workflows.ended", "{instance}", "Workflow instances that ended, by status");

    public static readonly Counter<long> Actions = Meter.CreateCounter<long>("automation.actions", "{action}", "Actions requested by workflows, by type and what dispatch decided (dispatched, skipped, held, awaiting_approval, failed)");

    public static readonly Counter<long> GuardVerdicts = Meter.CreateCounter<long>("automation.guard.verdicts", "{verdict}", "Dispatch guard verdicts, by guard and whether the action passed");

    public static readonly Histogram<double> ConnectorDuration = Meter.CreateHistogram<double>("automation.connector.duration", "s", "Time a connector plugin took for one delivery, by action type and outcome");

    /// <summary>A span of the engine's own, parented to <paramref name="parent"/> when one is known (else to the current span).</summary>
    public static Activity? Start(string name, ActivityContext parent = default, ActivityKind kind = ActivityKind.Internal) =>
        parent == default ? Traces.StartActivity(name, kind) : Traces.StartActivity(name, kind, parent);
}
