import { useState } from 'react';
import { errorQueuesApi, type ErrorQueueMessage } from '../api';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync, useInterval } from '../common/useAsync';
import { DiscardMessageDialog } from './DiscardMessageDialog';
import { ErrorQueueTable } from './ErrorQueueTable';
import { OperationsNav } from './OperationsNav';

const pollMs = 10000;

/** Messages the engine's consumers gave up on, with the reason; an admin sends one back to its queue or discards it. */
export function ErrorQueuesPage() {
  const list = useAsync(() => errorQueuesApi.list(), []);
  const [discarding, setDiscarding] = useState<ErrorQueueMessage | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState('');
  useInterval(list.reload, pollMs);

  function removeRow(message: ErrorQueueMessage) {
    list.setData((list.data ?? []).filter((m) => m.id !== message.id));
  }

  async function replay(message: ErrorQueueMessage) {
    setBusy(message.id);
    setError(undefined);
    try {
      await errorQueuesApi.replay(message.id);
      removeRow(message);
      setNotice(`${message.messageType} sent back to ${message.queue}.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  function onDiscarded(message: ErrorQueueMessage) {
    setDiscarding(null);
    removeRow(message);
    setNotice(`${message.messageType} from ${message.queue} discarded.`);
  }

  return (
    <div className="page">
      <OperationsNav />
      <header className="page-header">
        <div>
          <h1>Error queues</h1>
          <p className="muted">
            Messages the engine gave up on after its retries, with the reason. Fix the cause, then replay a message to its queue; discard it only
            when nothing should come of it.
          </p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={list.reload}>
            Refresh
          </button>
        </div>
      </header>
      <div className="notice-line" role="status" data-testid="error-queue-notice">
        {notice}
      </div>
      {error ? <ErrorMessage error={error} title="Replay refused" /> : null}
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <Empty>The error queues are empty: every message was handled.</Empty>}
      {list.data && list.data.length > 0 && (
        <ErrorQueueTable messages={list.data} busy={busy} onReplay={(m) => void replay(m)} onDiscard={setDiscarding} />
      )}
      {discarding && <DiscardMessageDialog message={discarding} onClose={() => setDiscarding(null)} onDiscarded={onDiscarded} />}
    </div>
  );
}
