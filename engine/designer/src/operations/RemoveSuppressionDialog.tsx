import { useState } from 'react';
import { operationsApi, type Suppression } from '../api';
import { Dialog } from '../common/Dialog';
import { ErrorMessage } from '../common/Status';
import { suppressedWho } from './suppressedWho';

/** Asks before taking an entry off the list: once removed, email reaches that person again. */
export function RemoveSuppressionDialog({ entry, onClose, onRemoved }: { entry: Suppression; onClose: () => void; onRemoved: (entry: Suppression) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await operationsApi.removeSuppression(entry.id);
      onRemoved(entry);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title="Remove from the suppression list?"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Keep it
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void remove()}>
            {busy ? 'Removing…' : 'Remove'}
          </button>
        </>
      }
    >
      <p>
        Email can reach <strong>{suppressedWho(entry)}</strong> again once removed.
      </p>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
