import { useState } from 'react';
import { errorQueuesApi, type ErrorQueueMessage } from '../api';
import { Dialog } from '../common/Dialog';
import { ErrorMessage } from '../common/Status';

interface Props {
  message: ErrorQueueMessage;
  onClose: () => void;
  onDiscarded: (message: ErrorQueueMessage) => void;
}

/** Asks before a message is removed for good: what it would have done (send an action, record its outcome) never happens. */
export function DiscardMessageDialog({ message, onClose, onDiscarded }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function discard() {
    setBusy(true);
    setError(undefined);
    try {
      await errorQueuesApi.discard(message.id);
      onDiscarded(message);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={`Discard this ${message.messageType}?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Keep it
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void discard()}>
            {busy ? 'Discarding…' : 'Discard'}
          </button>
        </>
      }
    >
      <p>
        The message is removed from <code>{message.queue}</code> for good. It failed with:
      </p>
      <p className="bad-text small">{message.reason}</p>
      {message.actionId && <p>Its action keeps the status it has now; settle it from the dispatch log if it waits for a decision.</p>}
      {error ? <ErrorMessage error={error} title="Discard refused" /> : null}
    </Dialog>
  );
}
