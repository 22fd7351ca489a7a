import type { ActivityDescriptor, PluginInfo, RuleSetSummary } from '../api';
import { formatMoney } from '../common/format';
import { StatusBadge } from '../common/Status';

/** One plugin: version, SDK range, load status and error, its action types, and the rule sets it ships (read-only). */
export function PluginCard({
  plugin: p,
  descriptors,
  ruleSets,
}: {
  plugin: PluginInfo;
  descriptors: Map<string, ActivityDescriptor>;
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
                    <td className="num">{d && d.budgetAffecting ? formatMoney(d.estimatedCost) : '—'}</td>
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
