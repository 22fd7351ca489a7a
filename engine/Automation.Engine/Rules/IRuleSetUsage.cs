using Automation.Storage;

namespace Automation.Engine.Rules;

/// <summary>Who leaves by a rule set's rules (published workflows' branches), asked before a change removes a rule.</summary>
public interface IRuleSetUsage
{
    /// <summary>"workflow v2 node 'tier': port 'hot'" for every published connection leaving by a rule not in <paramref name="ports"/>.</summary>
    Task<List<string>> StrandedPortsAsync(AutomationDbContext db, string key, IReadOnlyList<string> ports, CancellationToken cancellationToken);
}
