import { Link } from 'react-router';
import { ruleSetsApi } from '../api';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';

/** Every rule set: those marketers build here, and the read-only ones plugins ship. */
export function RuleSetsPage() {
  const list = useAsync(() => ruleSetsApi.list(), []);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Rule sets</h1>
          <p className="muted">Rules decide at segment and score crossings and in a workflow's rule-set step: which way to go, what to offer, or to hold back.</p>
        </div>
        <Link className="btn btn-primary" to="/rule-sets/new">
          New rule set
        </Link>
      </header>
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Empty>No rule sets yet. Create one with “New rule set”.</Empty>}
      {list.data && list.data.length > 0 && (
        <table className="table" data-testid="rule-set-table">
          <thead>
            <tr>
              <th scope="col">Rule set</th>
              <th scope="col">Rules (ports)</th>
              <th scope="col">Version</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.key} data-testid={`rule-set-${r.key}`}>
                <td>
                  <Link to={`/rule-sets/${encodeURIComponent(r.key)}`}>{r.name}</Link>
                  <div className="muted small">{r.description}</div>
                </td>
                <td>{r.ports.filter((p) => p !== 'none').join(', ')}</td>
                <td>
                  {r.version}
                  {r.plugin && <span className="tag">plugin {r.plugin}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
