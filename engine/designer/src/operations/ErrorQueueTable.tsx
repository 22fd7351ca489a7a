import type { ErrorQueueMessage } from '../api';
import { formatDateTime } from '../common/format';

interface Props {
  messages: ErrorQueueMessage[];
  /** The message being replayed, if any: its buttons wait. */
  busy: string | null;
  onReplay: (message: ErrorQueueMessage) => void;
  onDiscard: (message: ErrorQueueMessage) => void;
}

export function ErrorQueueTable({ messages, busy, onReplay, onDiscard }: Props) {
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table" data-testid="error-queue-table">
        <thead>
          <tr>
            <th scope="col">Queue and message</th>
            <th scope="col">Reason</th>
            <th scope="col">Failed</th>
            <th scope="col">
              <span className="visually-hidden">Replay or discard</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr key={m.id} data-testid={`error-message-${m.actionId ?? m.id}`}>
              <td className="small">
                <div>
                  <code>{m.queue}</code>
                </div>
                <div className="muted">{m.messageType}</div>
                {m.actionId && (
                  <div>
                    action <code>{m.actionId}</code>
                  </div>
                )}
              </td>
              <td className="small action-detail">
                <div className="bad-text" data-testid="error-message-reason">
                  {m.reason}
                </div>
                {m.exceptionType && <div className="muted">{m.exceptionType}</div>}
              </td>
              <td className="small nowrap">{formatDateTime(m.faultedAt)}</td>
              <td className="row-actions">
                <button type="button" className="btn btn-small" disabled={busy === m.id} aria-label={`Replay ${m.messageType} ${m.actionId ?? m.id}`} onClick={() => onReplay(m)}>
                  {busy === m.id ? 'Replaying…' : 'Replay'}
                </button>
                <button type="button" className="btn btn-small btn-danger" disabled={busy === m.id} aria-label={`Discard ${m.messageType} ${m.actionId ?? m.id}`} onClick={() => onDiscard(m)}>
                  Discard
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
