import { useState } from 'react';
import { approvalsApi, errorMessage, type ApprovalGroup, type GroupDecisionResult } from '../api';
import { formatMoney, formatNumber, formatRelative, reasonText } from '../common/format';
import { useActionNames } from '../common/catalog';
import { ErrorMessage } from '../common/Status';
import { useAsync } from '../common/useAsync';

interface ApprovalGroupsProps {
  status: string;
  workflowId?: string;
}

/** Grouped approvals: one card per group, decided in one go, with customers the approver takes out first. */
export function ApprovalGroups({ status, workflowId }: ApprovalGroupsProps) {
  const groups = useAsync(() => approvalsApi.groups(status, workflowId), [status, workflowId]);
  // The decision's outcome stays in view after the decided group leaves the list.
  const [decided, setDecided] = useState<string | null>(null);
  if (groups.error) return <ErrorMessage error={groups.error} onRetry={groups.reload} />;
  if ((!groups.data || groups.data.length === 0) && !decided) return null;
  return (
    <section aria-label="Grouped approvals" className="approval-groups">
      <h2>Grouped approvals</h2>
      {decided && (
        <p role="status" data-testid="group-result">
          {decided}
        </p>
      )}
      {groups.data?.map((g) => (
        <GroupCard
          key={g.id}
          group={g}
          onDecided={(message) => {
            setDecided(message);
            groups.reload();
          }}
        />
      ))}
    </section>
  );
}

function GroupCard({ group, onDecided }: { group: ApprovalGroup; onDecided: (message: string) => void }) {
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actionName = useActionNames();
  const what = group.actionType ? actionName(group.actionType) : 'Approval';
  const pending = group.status === 'pending';
  const keptCost = group.sample.filter((m) => removed.has(m.customerId)).reduce((sum, m) => sum - m.estimatedCost, group.estimatedTotalCost);
  const over = keptCost > group.budgetLeftToday;

  function toggle(customerId: string) {
    setRemoved((now) => {
      const next = new Set(now);
      if (next.has(customerId)) next.delete(customerId);
      else next.add(customerId);
      return next;
    });
  }

  async function decide(approve: boolean) {
    if (!approve && !comment.trim()) {
      setError('Say why you reject the group.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const decided = approve ? await approvalsApi.approveGroup(group.id, comment, [...removed]) : await approvalsApi.rejectGroup(group.id, comment);
      onDecided(outcome(group, decided, what));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="card approval-group" data-testid="approval-group" aria-label={`${what} for ${group.audienceSize} customers`}>
      <h3>
        {what} for {formatNumber(group.audienceSize)} customers · {group.workflowName} v{group.workflowVersion}
        {group.stepName && group.stepName !== what ? `, step “${group.stepName}”` : ''}
      </h3>
      <p data-testid="group-cost" className={over ? 'warning' : undefined}>
        Estimated total {formatMoney(keptCost)} against {formatMoney(group.budgetLeftToday)} left of today’s budget
        {over ? ' — more than is left' : ''}. Opened {formatRelative(group.openedAt)}
        {group.expiresAt ? `, expires ${formatRelative(group.expiresAt)}` : ''}.
      </p>
      {!group.canDecide && group.cannotDecideReason && <p className="muted">{group.cannotDecideReason}</p>}
      <table className="table">
        <caption className="muted small">
          {group.sample.length < group.audienceSize ? `A sample of ${group.sample.length} of ${formatNumber(group.audienceSize)} customers` : 'Every customer in the group'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Remove</th>
            <th scope="col">Customer</th>
            <th scope="col">Why</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {group.sample.map((m) => (
            <tr key={m.approvalId} data-testid="group-member">
              <td>
                <input
                  type="checkbox"
                  aria-label={`Remove ${m.customerId}`}
                  checked={removed.has(m.customerId)}
                  disabled={!pending || !group.canDecide || busy}
                  onChange={() => toggle(m.customerId)}
                />
              </td>
              <td>{m.customerEmail ?? m.customerId}</td>
              <td>{m.reasons.map(reasonText).join('; ') || '—'}</td>
              <td>{formatMoney(m.estimatedCost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pending && group.canDecide && (
        <div className="decision-row">
          <label className="field field-inline grow">
            <span>Comment</span>
            <input type="text" value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Required to reject" />
          </label>
          <button type="button" className="btn btn-accent" disabled={busy} onClick={() => void decide(true)}>
            Approve {formatNumber(group.audienceSize - removed.size)}
            {removed.size > 0 ? ` (without ${removed.size})` : ''}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void decide(false)}>
            Reject the group
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </article>
  );
}

function outcome(group: ApprovalGroup, result: GroupDecisionResult, what: string): string {
  const verdict = result.status === 'approved' ? 'Approved' : 'Rejected';
  return `${verdict} “${what}” for ${group.workflowName}: ${result.approved} go out, ${result.rejected + result.removed} do not (${result.removed} removed).`;
}
