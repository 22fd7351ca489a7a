import { useState } from 'react';
import { keysApi, type ApiKey } from '../api';
import { Dialog } from '../common/Dialog';
import { ErrorMessage } from '../common/Status';

/** Asks before revoking: whatever uses the key is refused (401) from then on. */
export function RevokeKeyDialog({ apiKey, onClose, onRevoked }: { apiKey: ApiKey; onClose: () => void; onRevoked: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function revoke() {
    setBusy(true);
    setError(undefined);
    try {
      await keysApi.revoke(apiKey.id);
      onRevoked();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={`Revoke ${apiKey.name}?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Keep it
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void revoke()}>
            {busy ? 'Revoking…' : 'Revoke key'}
          </button>
        </>
      }
    >
      <p>Whatever sends this key is refused from now on. This cannot be undone; create a new key instead.</p>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
