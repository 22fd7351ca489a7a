import { Link } from 'react-router';
import type { ActionRecord } from '../api';
import { formatDateTime, formatNumber } from '../common/format';
import { ErrorMessage, StatusBadge } from '../common/Status';
import { GuardResults } from './GuardResults';
import type { RetryState } from './useActionRetry';

interface Props {
  action: ActionRecord;
  retry?: RetryState;
  canRetry: boolean;
  linkWorkflows: boolean;
  onRetry: (action: ActionRecord) => void;
}

/** One line of the dispatch log; a failed action offers "Retry" to an admin, and the row follows the retry. */
export function ActionRow({ action: listed, retry, canRetry, linkWorkflows, onRetry }: Props) {
  const a = retry?.record ?? listed;
  const failed = a.status === 'failed';
  return (
    <>
      <tr data-testid={`action-${a.id}`} data-status={a.status}>
        <td className="small nowrap">{formatDateTime(a.createdAt)}</td>
        <td className="nowrap">
          <code>{a.actionType}</code>
          {a.plugin && <div className="muted small">{a.plugin}</div>}
        </td>
        <td>
          <Link to={`/customers/${encodeURIComponent(a.customerId)}`}>{a.customerId}</Link>
        </td>
        <td className="small">
          {a.workflowId ? (
            <>
              {linkWorkflows ? <Link to={`/workflows/${encodeURIComponent(a.workflowId)}`}>{a.workflowId}</Link> : a.workflowId}
              {a.workflowVersion != null && <span className="muted"> v{a.workflowVersion}</span>}
            </>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td>
          <StatusBadge status={a.status} />
          {a.status === 'held' && a.heldUntil && <div className="muted small">until {formatDateTime(a.heldUntil)}</div>}
        </td>
        <td className="num">{formatNumber(a.attempts ?? 0)}</td>
        <td className="small action-detail">
          {a.lastError && (
            // Kept after a successful retry: then it is history, not the current state.
            <div className={failed ? 'bad-text' : 'muted'} data-testid="action-error">
              {failed ? '' : 'Earlier: '}
              {a.lastError}
            </div>
          )}
          {a.detail && <div className="muted">{a.detail}</div>}
          {!a.lastError && !a.detail && <span className="muted">—</span>}
        </td>
        <td>
          <GuardResults results={a.guardResults} />
        </td>
        <td className="row-actions">
          {canRetry && failed && (
            <button type="button" className="btn btn-small" disabled={retry?.busy} aria-label={`Retry ${a.actionType} for ${a.customerId}`} onClick={() => onRetry(a)}>
              {retry?.busy ? 'Retrying…' : 'Retry'}
            </button>
          )}
        </td>
      </tr>
      {retry?.error ? (
        <tr className="row-problem">
          <td colSpan={9}>
            <ErrorMessage error={retry.error} title="Retry refused" />
          </td>
        </tr>
      ) : null}
    </>
  );
}
