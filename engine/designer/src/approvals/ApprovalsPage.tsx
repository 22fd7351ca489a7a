import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, approvalsApi, errorMessage, type Approval, type BatchApproveResult } from '../api';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { ApprovalCard } from './ApprovalCard';
import { ApprovalGroups } from './ApprovalGroups';

const statuses: { value: string; label: string }[] = [
  { value: 'pending', label: 'Waiting for a decision' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'expired', label: 'Expired' },
];

/** What a refused decision says: the problem's detail (four-eyes, not an approver, …). */
function decisionError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 409) return 'Someone already decided this request.';
    return error.problem.detail || error.problem.title || error.message;
  }
  return errorMessage(error);
}

export function ApprovalsPage() {
  const [status, setStatus] = useState('pending');
  const [workflowId, setWorkflowId] = useState('');
  const approvals = useAsync(() => approvalsApi.list(status, workflowId || undefined), [status, workflowId]);
  const [items, setItems] = useState<Approval[]>([]);
  const [selected, setSelected] = useState(0);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [workflows, setWorkflows] = useState<Map<string, string>>(new Map());
  const [batchComment, setBatchComment] = useState('');
  const [batchBusy, setBatchBusy] = useState(false);
  const [batchResult, setBatchResult] = useState<BatchApproveResult | null>(null);
  const [batchError, setBatchError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!approvals.data) return;
    setItems(approvals.data);
    setSelected((s) => Math.min(s, Math.max(0, approvals.data!.length - 1)));
    setWorkflows((known) => {
      const next = new Map(known);
      for (const a of approvals.data!) next.set(a.workflowId, a.workflowName);
      return next;
    });
  }, [approvals.data]);

  const current = items[selected];

  const focusRow = useCallback((index: number) => {
    const row = listRef.current?.querySelectorAll<HTMLElement>('[data-approval-row]')[index];
    row?.focus();
    row?.scrollIntoView({ block: 'nearest' });
  }, []);

  const decide = useCallback(
    async (approval: Approval, decision: 'approve' | 'reject') => {
      const comment = (comments[approval.id] ?? '').trim();
      if (decision === 'reject' && !comment) {
        setRowErrors((e) => ({ ...e, [approval.id]: 'A comment is required to reject: say why.' }));
        document.getElementById(`comment-${approval.id}`)?.focus();
        return;
      }
      setBusyId(approval.id);
      setRowErrors((e) => ({ ...e, [approval.id]: '' }));
      try {
        const updated = decision === 'approve' ? await approvalsApi.approve(approval.id, comment) : await approvalsApi.reject(approval.id, comment);
        setAnnounce(`${decision === 'approve' ? 'Approved' : 'Rejected'} the request for ${approval.customerEmail ?? approval.customerId}.`);
        setItems((list) => {
          const next = status === 'pending' ? list.filter((a) => a.id !== approval.id) : list.map((a) => (a.id === approval.id ? { ...a, ...updated } : a));
          setSelected((s) => Math.min(s, Math.max(0, next.length - 1)));
          return next;
        });
        // The other requests' budget lines count what was just approved: read them again.
        if (decision === 'approve') approvals.reload();
      } catch (error) {
        setRowErrors((e) => ({ ...e, [approval.id]: decisionError(error) }));
        if (error instanceof ApiError && error.status === 409) approvals.reload();
      } finally {
        setBusyId(null);
      }
    },
    [approvals, comments, status],
  );

  // j/k move, a approves, r rejects; never while typing.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, dialog[open]')) return;
      if (event.key === 'j') {
        event.preventDefault();
        const next = Math.min(selected + 1, items.length - 1);
        setSelected(next);
        focusRow(next);
      } else if (event.key === 'k') {
        event.preventDefault();
        const next = Math.max(selected - 1, 0);
        setSelected(next);
        focusRow(next);
      } else if ((event.key === 'a' || event.key === 'r') && current && current.status === 'pending') {
        event.preventDefault();
        if (!current.canDecide) {
          setRowErrors((e) => ({ ...e, [current.id]: current.cannotDecideReason ?? 'You cannot decide this request.' }));
          return;
        }
        void decide(current, event.key === 'a' ? 'approve' : 'reject');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, decide, focusRow, items.length, selected]);

  async function batchApprove() {
    if (!workflowId) return;
    setBatchBusy(true);
    setBatchError(null);
    setBatchResult(null);
    try {
      setBatchResult(await approvalsApi.approveBatch(workflowId, batchComment.trim()));
      approvals.reload();
    } catch (error) {
      setBatchError(decisionError(error));
    } finally {
      setBatchBusy(false);
    }
  }

  const workflowOptions = useMemo(() => [...workflows.entries()].sort((a, b) => a[1].localeCompare(b[1])), [workflows]);
  const pendingDecidable = items.filter((a) => a.status === 'pending' && a.canDecide).length;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Approvals</h1>
          <p className="muted">Budget-affecting actions wait here for a second pair of eyes.</p>
        </div>
      </header>

      <div className="toolbar-row">
        <label className="field field-inline">
          <span>Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {statuses.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>Workflow</span>
          <select value={workflowId} onChange={(e) => setWorkflowId(e.target.value)}>
            <option value="">All workflows</option>
            {workflowOptions.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-small btn-ghost" onClick={approvals.reload}>
          Refresh
        </button>
      </div>
      <p className="help-line" data-testid="shortcut-help">
        Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> approve · <kbd>r</kbd> reject (a comment is required to reject).
      </p>
      <div className="visually-hidden" aria-live="polite">
        {announce}
      </div>

      <ApprovalGroups status={status} workflowId={workflowId || undefined} />

      {status === 'pending' && workflowId && (
        <section className="batch-bar" aria-label="Batch approve">
          <label className="field field-inline grow">
            <span>Batch comment</span>
            <input type="text" value={batchComment} onChange={(e) => setBatchComment(e.target.value)} placeholder="Optional" />
          </label>
          <button type="button" className="btn btn-accent" onClick={() => void batchApprove()} disabled={batchBusy || pendingDecidable === 0}>
            Batch approve all for {workflows.get(workflowId) ?? workflowId}
          </button>
          {batchResult && (
            <div className="batch-result" role="status" data-testid="batch-result">
              Approved {batchResult.approved}.
              {batchResult.refused.length > 0 && (
                <>
                  {' '}
                  Refused {batchResult.refused.length}:
                  <ul>
                    {batchResult.refused.map((r) => (
                      <li key={r.id}>
                        <code>{r.id}</code>: {r.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          {batchError && (
            <div className="alert alert-error" role="alert">
              {batchError}
            </div>
          )}
        </section>
      )}

      {approvals.error ? <ErrorMessage error={approvals.error} onRetry={approvals.reload} /> : null}
      {approvals.loading && !approvals.data && <Loading />}
      {approvals.data && items.length === 0 && <Empty>{status === 'pending' ? 'Nothing waiting for a decision. ' : 'No decisions match these filters.'}</Empty>}

      <ul className="approval-list" ref={listRef} aria-label="Approval requests">
        {items.map((a, index) => (
          <ApprovalCard
            key={a.id}
            approval={a}
            selected={index === selected}
            busy={busyId === a.id}
            comment={comments[a.id] ?? ''}
            error={rowErrors[a.id]}
            onSelect={() => setSelected(index)}
            onComment={(text) => setComments((c) => ({ ...c, [a.id]: text }))}
            onDecide={(d) => void decide(a, d)}
          />
        ))}
      </ul>
    </div>
  );
}
