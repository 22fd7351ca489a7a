using Automation.Plugins.Sdk;
using Automation.Plugins.Sdk.Contracts;

namespace Automation.Host.Plugins;

/// <summary>Where one action of a batch ended after the delivery's own retries: its last answer and attempt number.</summary>
public sealed record BatchItemOutcome(DispatchAction Message, ActionResult Result, int Attempt);
