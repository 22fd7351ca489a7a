import { useState } from 'react';
import { keysApi, type ApiKey, type NewApiKey } from '../api';
import { formatDateTime } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { NewKeyForm } from './NewKeyForm';
import { RevokeKeyDialog } from './RevokeKeyDialog';

const scopeLabels: Record<ApiKey['scope'], string> = { ingest: 'Ingest', reporting: 'Reporting' };

/** The admin's API keys: what each may do, when it was last used, and revoking one. */
export function ApiKeysPanel() {
  const keys = useAsync(() => keysApi.list(), []);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  return (
    <section className="card" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API keys</h2>
      <p className="muted">
        Other systems send events with an ingest key, or read aggregate reports with a reporting key. No key reads customers, actions or approvals: people do
        that, signed in.
      </p>
      {created && (
        <div className="new-key" role="status" data-testid="new-key">
          <strong>{created.name}</strong>: <code>{created.key}</code>
          <div className="muted small">Copy it now; it is not shown again.</div>
        </div>
      )}
      {keys.error ? <ErrorMessage error={keys.error} onRetry={keys.reload} /> : null}
      {keys.loading && !keys.data && <Loading />}
      {keys.data && keys.data.length === 0 && <Empty>No API keys yet. Create one below for a system that sends events (POST /api/events).</Empty>}
      {keys.data && keys.data.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="table" data-testid="key-table">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Scope</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id} data-testid={`key-${k.id}`}>
                  <td>
                    <strong>{k.name}</strong>
                    <div className="muted small">
                      {k.source === 'configuration' ? 'from configuration' : `${k.prefix}… · by ${k.createdBy} · ${formatDateTime(k.createdAt)}`}
                    </div>
                  </td>
                  <td>
                    <span className="chip">{scopeLabels[k.scope]}</span>
                  </td>
                  <td className="small nowrap">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'}</td>
                  <td className="small nowrap">{k.revokedAt ? `revoked ${formatDateTime(k.revokedAt)}` : 'active'}</td>
                  <td className="row-actions">
                    {k.source === 'admin' && !k.revokedAt && (
                      <button type="button" className="btn btn-small" aria-label={`Revoke ${k.name}`} onClick={() => setRevoking(k)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewKeyForm
        onCreated={(key) => {
          setCreated(key);
          keys.reload();
        }}
      />
      {revoking && (
        <RevokeKeyDialog
          apiKey={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setRevoking(null);
            setCreated(null);
            keys.reload();
          }}
        />
      )}
    </section>
  );
}
