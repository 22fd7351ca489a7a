import { useState } from 'react';
import { Link } from 'react-router';
import { operationsApi, type Suppression } from '../api';
import { formatDateTime } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { OperationsNav } from './OperationsNav';
import { RemoveSuppressionDialog } from './RemoveSuppressionDialog';
import { SuppressionForm } from './SuppressionForm';
import { suppressedWho } from './suppressedWho';

/** The suppression list: addresses and customers no email reaches, whatever a workflow says. */
export function SuppressionsPage() {
  const list = useAsync(() => operationsApi.suppressions(), []);
  const [removing, setRemoving] = useState<Suppression | null>(null);
  const [notice, setNotice] = useState('');

  return (
    <div className="page">
      <OperationsNav />
      <header className="page-header">
        <div>
          <h1>Suppressions</h1>
          <p className="muted">No email reaches these addresses or customers until they are removed. Every change is audited.</p>
        </div>
      </header>
      <div className="notice-line" role="status" data-testid="suppressions-notice">
        {notice}
      </div>
      <div className="users-layout">
        <section className="card" aria-labelledby="suppression-list-title">
          <h2 id="suppression-list-title">Suppressed</h2>
          {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
          {list.loading && !list.data && <Loading />}
          {list.data && list.data.length === 0 && <Empty>Nobody is suppressed. Add an address or customer with the form to stop every email to them.</Empty>}
          {list.data && list.data.length > 0 && (
            <div className="table-wrap" tabIndex={0}>
              <table className="table" data-testid="suppression-table">
                <thead>
                  <tr>
                    <th scope="col">Address or customer</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Added</th>
                    <th scope="col">
                      <span className="visually-hidden">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((s) => (
                    <tr key={s.id} data-testid={`suppression-${s.address ?? s.customerId}`}>
                      <td>{s.customerId && !s.address ? <Link to={`/customers/${encodeURIComponent(s.customerId)}`}>{suppressedWho(s)}</Link> : suppressedWho(s)}</td>
                      <td className="small">{s.reason || <span className="muted">—</span>}</td>
                      <td className="small nowrap">
                        {formatDateTime(s.addedAt)}
                        <div className="muted">{s.addedBy}</div>
                      </td>
                      <td className="row-actions">
                        <button type="button" className="btn btn-small" aria-label={`Remove ${suppressedWho(s)}`} onClick={() => setRemoving(s)}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <SuppressionForm
          onAdded={(entry) => {
            list.setData([entry, ...(list.data ?? [])]);
            setNotice(`Suppressed ${suppressedWho(entry)}.`);
          }}
        />
      </div>
      {removing && (
        <RemoveSuppressionDialog
          entry={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(entry) => {
            list.setData((list.data ?? []).filter((s) => s.id !== entry.id));
            setRemoving(null);
            setNotice(`Removed ${suppressedWho(entry)} from the suppression list.`);
          }}
        />
      )}
    </div>
  );
}
