import { Link } from 'react-router';
import type { Approval } from '../api';
import { useActionNames, useSegmentsCatalog } from '../common/catalog';
import { formatDateTime, formatMoney, formatRelative, reasonText } from '../common/format';
import { StatusBadge } from '../common/Status';

interface CardProps {
  approval: Approval;
  selected: boolean;
  busy: boolean;
  comment: string;
  error?: string;
  onSelect: () => void;
  onComment: (text: string) => void;
  onDecide: (decision: 'approve' | 'reject') => void;
}

/** One approval request as the approver decides it: what, for whom and why, its cost against today's budget, approve or reject with a comment. */
export function ApprovalCard({ approval: a, selected, busy, comment, error, onSelect, onComment, onDecide }: CardProps) {
  const pending = a.status === 'pending';
  const total = a.budgetUsedToday + a.budgetLeftToday;
  const usedShare = total > 0 ? Math.min(1, a.budgetUsedToday / total) : 0;
  const overBudget = a.estimatedCost > a.budgetLeftToday;
  const customer = a.customerEmail || a.customerId;
  const actionName = useActionNames();
  const what = a.actionType ? actionName(a.actionType) : 'Approval step';
  const segments = useSegmentsCatalog();
  const segmentName = segments.data?.find((s) => s.key === a.segment)?.name ?? a.segment;

  return (
    <li
      className={`approval-row${selected ? ' selected' : ''}`}
      data-testid={`approval-${a.id}`}
      data-approval-row
      tabIndex={-1}
      aria-current={selected ? 'true' : undefined}
      aria-label={`${what} for ${customer}`}
      onClick={onSelect}
      onFocus={onSelect}
    >
      <div className="approval-main">
        <div className="approval-head">
          <Link to={`/customers/${encodeURIComponent(a.customerId)}`} className="strong-link">
            {customer}
          </Link>
          {a.customerEmail && <span className="muted small"> · {a.customerId}</span>}
          <StatusBadge status={a.status} />
        </div>
        <div className="approval-context small">
          <span>
            {what} in <strong>{a.workflowName}</strong> v{a.workflowVersion}
            {a.stepName && a.stepName !== what ? <>, step “{a.stepName}”</> : null}
          </span>
          {a.segment && (
            <span>
              {' '}
              · segment{' '}
              <span className="chip" title={a.segment}>
                {segmentName}
              </span>
            </span>
          )}
        </div>
        {a.reasons.length > 0 && (
          <ul className="reasons" aria-label="Why">
            {a.reasons.map((r, i) => (
              <li key={i}>{reasonText(r)}</li>
            ))}
          </ul>
        )}
        <div className="approval-money small">
          <span>
            Estimated cost <strong>{formatMoney(a.estimatedCost)}</strong>
          </span>
          <span className="budget">
            Budget today: {formatMoney(a.budgetUsedToday)} used, {formatMoney(a.budgetLeftToday)} left
            <span className="budget-bar" aria-hidden="true">
              <span style={{ width: `${usedShare * 100}%` }} />
            </span>
          </span>
          {overBudget && pending && <span className="warn-text">More than what is left today</span>}
        </div>
        <div className="muted small">
          Requested {formatRelative(a.requestedAt)}
          {a.expiresAt && pending ? ` · expires ${formatRelative(a.expiresAt)}` : ''}
        </div>
        {!pending && (
          <div className="decision small" data-testid={`decision-${a.id}`}>
            {a.status} by {a.decidedBy ?? '—'} on {formatDateTime(a.decidedAt)}
            {a.comment && <q className="comment">{a.comment}</q>}
          </div>
        )}
      </div>
      {pending && (
        <div className="approval-decide">
          <div className="field">
            <label htmlFor={`comment-${a.id}`}>Comment</label>
            <input
              id={`comment-${a.id}`}
              type="text"
              value={comment}
              disabled={!a.canDecide}
              placeholder="Required to reject"
              onChange={(e) => onComment(e.target.value)}
              onFocus={onSelect}
            />
          </div>
          <div className="decide-buttons">
            <button type="button" className="btn btn-accent" disabled={!a.canDecide || busy} onClick={() => onDecide('approve')}>
              Approve
            </button>
            <button type="button" className="btn btn-danger" disabled={!a.canDecide || busy} onClick={() => onDecide('reject')}>
              Reject
            </button>
          </div>
          {!a.canDecide && (
            <div className="note small" data-testid={`cannot-decide-${a.id}`}>
              {a.cannotDecideReason ?? 'You cannot decide this request.'}
            </div>
          )}
        </div>
      )}
      {error && (
        <div className="alert alert-error row-error" role="alert" data-testid={`approval-error-${a.id}`}>
          {error}
        </div>
      )}
    </li>
  );
}
