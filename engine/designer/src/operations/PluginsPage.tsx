import { useEffect, useMemo } from 'react';
import { operationsApi, paletteApi, type ActivityDescriptor, type ConnectorQueue, type RuleSetSummary } from '../api';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { OperationsNav } from './OperationsNav';
import { PluginCard } from './PluginCard';

/** The connector plugins the host found at start-up: what loaded, what failed and why, and what each can do. */
export function PluginsPage() {
  const plugins = useAsync(() => operationsApi.plugins(), []);
  // /api/plugins names the action types; the palette describes them (display name, budget flag, cost estimate).
  const palette = useAsync(() => paletteApi.activities(), []);
  const descriptors = useMemo(() => new Map<string, ActivityDescriptor>((palette.data ?? []).map((d) => [d.type, d])), [palette.data]);
  // A plugin's C# rule sets are listed with the other rule sets; their rules' names and descriptions come from there.
  const ruleSets = useAsync(() => operationsApi.ruleSets(), []);
  const shipped = useMemo(() => new Map<string, RuleSetSummary>((ruleSets.data ?? []).filter((r) => r.plugin).map((r) => [r.key, r])), [ruleSets.data]);
  // Each action type's queue and rate, followed while the page is open: a throttled campaign drains as you watch.
  const connectors = useAsync(() => operationsApi.connectors(), []);
  const reloadConnectors = connectors.reload;
  useEffect(() => {
    const timer = window.setInterval(reloadConnectors, 3000);
    return () => window.clearInterval(timer);
  }, [reloadConnectors]);
  const queues = useMemo(() => new Map<string, ConnectorQueue>((connectors.data ?? []).map((c) => [c.actionType, c])), [connectors.data]);
  const failed = plugins.data?.filter((p) => p.status !== 'loaded').length ?? 0;

  return (
    <div className="page">
      <OperationsNav />
      <header className="page-header">
        <div>
          <h1>Plugins</h1>
          <p className="muted">
            Loaded from the plugins folder when the host starts; a plugin that fails to load is listed with the reason and the engine runs on without
            it. Restart the host to pick up a change.
          </p>
        </div>
      </header>
      {plugins.error ? <ErrorMessage error={plugins.error} onRetry={plugins.reload} /> : null}
      {palette.error ? <ErrorMessage error={palette.error} title="Action details unavailable" /> : null}
      {plugins.loading && !plugins.data && <Loading />}
      {plugins.data && plugins.data.length === 0 && <Empty>No plugins in the plugins folder. Copy a connector’s folder there (see Automation:PluginsPath) and restart.</Empty>}
      {plugins.data && plugins.data.length > 0 && (
        <>
          <p className="small" role="status">
            {plugins.data.length - failed} loaded{failed > 0 ? `, ${failed} failed` : ''}
          </p>
          <ul className="plugin-list" aria-label="Plugins">
            {plugins.data.map((p) => (
              <PluginCard key={`${p.assembly}:${p.name}`} plugin={p} descriptors={descriptors} queues={queues} ruleSets={shipped} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
