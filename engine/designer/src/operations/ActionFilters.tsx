import { useEffect, useState } from 'react';
import { actionStatuses, type ActionFilter } from './actionFilter';

interface Props {
  filter: ActionFilter;
  workflowIds: string[];
  onChange: (patch: Partial<Omit<ActionFilter, 'take'>>) => void;
  onRefresh: () => void;
}

/** Status applies at once; workflow and customer apply on Enter or "Apply", so typing does not refetch per key. */
export function ActionFilters({ filter, workflowIds, onChange, onRefresh }: Props) {
  const [workflowId, setWorkflowId] = useState(filter.workflowId);
  const [customerId, setCustomerId] = useState(filter.customerId);

  // Back/forward in the browser changes the filter under the form.
  useEffect(() => setWorkflowId(filter.workflowId), [filter.workflowId]);
  useEffect(() => setCustomerId(filter.customerId), [filter.customerId]);

  return (
    <form
      className="toolbar-row"
      aria-label="Filter actions"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ workflowId: workflowId.trim(), customerId: customerId.trim() });
      }}
    >
      <label className="field field-inline">
        <span>Status</span>
        <select value={filter.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">All statuses</option>
          {actionStatuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>Workflow</span>
        <input type="text" list="action-workflow-ids" value={workflowId} placeholder="Any workflow id" onChange={(e) => setWorkflowId(e.target.value)} />
        <datalist id="action-workflow-ids">
          {workflowIds.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      <label className="field field-inline">
        <span>Customer</span>
        <input type="text" value={customerId} placeholder="Any customer id" onChange={(e) => setCustomerId(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-small">
        Apply
      </button>
      {(filter.status || filter.workflowId || filter.customerId) && (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange({ status: '', workflowId: '', customerId: '' })}>
          Clear filters
        </button>
      )}
      <button type="button" className="btn btn-small btn-ghost" onClick={onRefresh}>
        Refresh
      </button>
    </form>
  );
}
