import type { ActivityDescriptor, PluginInfo } from '../api';
import { formatMoney } from '../common/format';
import { StatusBadge } from '../common/Status';

/** One plugin: version, SDK range, load status and error, and its action types. */
export function PluginCard({ plugin: p, descriptors }: { plugin: PluginInfo; descriptors: Map<string, ActivityDescriptor> }) {
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
        <div className="table-wrap">
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
    </li>
  );
}
