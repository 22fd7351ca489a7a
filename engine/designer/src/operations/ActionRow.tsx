import { Link } from 'react-router';
import type { ActionRecord } from '../api';
import { formatDateTime, formatNumber } from '../common/format';
import { ErrorMessage, StatusBadge } from '../common/Status';
import { GuardResults } from './GuardResults';
import type { ActionDecision, RetryState } from './useActionRetry';

interface Props {
  action: ActionRecord;
  retry?: RetryState;
  canRetry: boolean;
  linkWorkflows: boolean;
  workflowName: (id: string) => string;
  onRetry: (action: ActionRecord, decision: ActionDecision) => void;
}

/**
 * One line of the dispatch log; a failed action offers "Retry" to an admin, one whose outcome is unknown "Resend",
 * "Mark as sent" and "Cancel"; the row follows the decision.
 */
export function ActionRow({ action: listed, retry, canRetry, linkWorkflows, workflowName, onRetry }: Props) {
  const a = retry?.record ?? listed;
  const failed = a.status === 'failed';
  const unknown = a.status === 'unknown';
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
              {linkWorkflows ? (
                <Link to={`/workflows/${encodeURIComponent(a.workflowId)}`} title={a.workflowId}>
                  {workflowName(a.workflowId)}
                </Link>
              ) : (
                <span title={a.workflowId}>{workflowName(a.workflowId)}</span>
              )}
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
            <div className={failed || unknown ? 'bad-text' : 'muted'} data-testid="action-error">
              {failed || unknown ? '' : 'Earlier: '}
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
            <button type="button" className="btn btn-small" disabled={retry?.busy} aria-label={`Retry ${a.actionType} for ${a.customerId}`} onClick={() => onRetry(a, 'retry')}>
              {retry?.busy ? 'Retrying…' : 'Retry'}
            </button>
          )}
          {canRetry && unknown && (
            <>
              <button type="button" className="btn btn-small" disabled={retry?.busy} aria-label={`Resend ${a.actionType} for ${a.customerId}`} onClick={() => onRetry(a, 'resend')}>
                Resend
              </button>
              <button type="button" className="btn btn-small" disabled={retry?.busy} aria-label={`Mark ${a.actionType} for ${a.customerId} as sent`} onClick={() => onRetry(a, 'mark-sent')}>
                Mark as sent
              </button>
              <button type="button" className="btn btn-small" disabled={retry?.busy} aria-label={`Cancel ${a.actionType} for ${a.customerId}`} onClick={() => onRetry(a, 'cancel')}>
                Cancel
              </button>
            </>
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
