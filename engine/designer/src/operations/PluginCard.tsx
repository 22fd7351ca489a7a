import type { ActivityDescriptor, ConnectorQueue, PluginInfo, RuleSetSummary } from '../api';
import { formatMoney, formatNumber } from '../common/format';
import { StatusBadge } from '../common/Status';

/** One plugin: version, SDK range, load status and error, its action types, and the rule sets it ships (read-only). */
export function PluginCard({
  plugin: p,
  descriptors,
  queues,
  ruleSets,
}: {
  plugin: PluginInfo;
  descriptors: Map<string, ActivityDescriptor>;
  queues: Map<string, ConnectorQueue>;
  ruleSets: Map<string, RuleSetSummary>;
}) {
  return (
    <li className="card" data-testid={`plugin-${p.name}`} aria-label={p.name}>
      <div className="plugin-head">
        <h2>{p.name}</h2>
        <StatusBadge status={p.status} />
        <span className="muted small">
          version {p.version || '—'} · SDK {p.sdkRange || '—'} · <code>{p.assembly}</code>
        </span>
      </div>
      {p.error && (
        <div className="alert alert-error" role="alert">
          {p.error}
        </div>
      )}
      {p.actionTypes.length === 0 ? (
        <p className="muted small">No action types.</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Action type</th>
                <th scope="col">Name</th>
                <th scope="col">Spends budget</th>
                <th scope="col" className="num">
                  Estimated cost
                </th>
                <th scope="col">Batch</th>
                <th scope="col">Rate limit</th>
                <th scope="col">Queue</th>
              </tr>
            </thead>
            <tbody>
              {p.actionTypes.map((type) => {
                const d = descriptors.get(type);
                return (
                  <tr key={type}>
                    <td>
                      <code>{type}</code>
                    </td>
                    <td>{d?.displayName ?? <span className="muted">—</span>}</td>
                    <td>{d ? (d.budgetAffecting ? 'yes, needs approval' : 'no') : '—'}</td>
                    <td className="num">{d ? formatMoney(d.estimatedCost) : '—'}</td>
                    <ConnectorQueueCells queue={queues.get(type)} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {(p.ruleSets ?? []).map((key) => (
        <PluginRuleSet key={key} ruleSetKey={key} ruleSet={ruleSets.get(key)} />
      ))}
    </li>
  );
}

/** How the connector takes work and what waits for it: batch size, rate limit, queued actions and when they drain. */
function ConnectorQueueCells({ queue: q }: { queue: ConnectorQueue | undefined }) {
  if (!q) {
    return <td colSpan={3} className="muted">—</td>;
  }

  return (
    <>
      <td>{q.batchSize ? `up to ${formatNumber(q.batchSize)} a call` : 'one at a time'}</td>
      <td>{q.rateLimit ?? <span className="muted">none</span>}</td>
      <td data-testid={`queue-${q.actionType}`}>
        {formatNumber(q.queued)} queued
        {q.waitingForTurn > 0 ? `, ${formatNumber(q.waitingForTurn)} waiting for their turn` : ''}
        {q.queued > 0 && q.expectedDrainSeconds != null ? <span className="muted small"> · drains in about {formatDrain(q.expectedDrainSeconds)}</span> : null}
      </td>
    </>
  );
}

function formatDrain(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** A rule set written in C#: shown, never edited here (the plugin's code is where it changes). */
function PluginRuleSet({ ruleSetKey, ruleSet }: { ruleSetKey: string; ruleSet: RuleSetSummary | undefined }) {
  return (
    <section aria-label={`Rule set ${ruleSetKey}`} data-testid={`plugin-rule-set-${ruleSetKey}`}>
      <h3>
        Rule set {ruleSet?.name ?? ruleSetKey} <code>{ruleSetKey}</code> <span className="badge">read-only</span>
      </h3>
      {ruleSet?.description && <p className="muted small">{ruleSet.description}</p>}
      <div className="table-wrap" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">What it does</th>
              <th scope="col" className="num">
                Priority
              </th>
            </tr>
          </thead>
          <tbody>
            {(ruleSet?.pluginRules ?? []).map((r) => (
              <tr key={r.name}>
                <td>
                  <code>{r.name}</code>
                </td>
                <td>{r.description || <span className="muted">—</span>}</td>
                <td className="num">{r.priority}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
