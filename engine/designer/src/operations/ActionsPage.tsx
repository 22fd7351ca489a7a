import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { operationsApi, type ActionRecord } from '../api';
import { roleAccess, useAuth } from '../auth/AuthContext';
import { formatNumber } from '../common/format';
import { Empty, ErrorMessage, Loading } from '../common/Status';
import { useAsync } from '../common/useAsync';
import { OperationsNav } from './OperationsNav';
import { ActionFilters } from './ActionFilters';
import { ActionTable } from './ActionTable';
import { changeFilter, filterFromQuery, mayHaveMore, queryFromFilter, showMore, type ActionFilter } from './actionFilter';
import { useActionRetry } from './useActionRetry';

/** The dispatch log: every action, why it went or did not, and (for admins) a retry for the failed ones and a decision for those whose outcome is unknown. */
export function ActionsPage() {
  const { hasRole } = useAuth();
  const [search, setSearch] = useSearchParams();
  const filter = useMemo(() => filterFromQuery(search), [search]);
  const actions = useAsync(
    () => operationsApi.actions({ status: filter.status || undefined, workflowId: filter.workflowId || undefined, customerId: filter.customerId || undefined, take: filter.take }),
    [filter.status, filter.workflowId, filter.customerId, filter.take],
  );
  const { states, retry } = useActionRetry();

  // Retried actions stay in view while they are followed, even once the status filter no longer matches them.
  const rows = useMemo(() => {
    const listed = actions.data ?? [];
    const ids = new Set(listed.map((a) => a.id));
    const followed = Object.values(states)
      .map((s) => s.record)
      .filter((r): r is ActionRecord => !!r && !ids.has(r.id));
    return [...followed, ...listed];
  }, [actions.data, states]);
  const workflowIds = useMemo(() => [...new Set(rows.map((a) => a.workflowId).filter((id): id is string => !!id))].sort(), [rows]);

  const apply = (next: ActionFilter) => setSearch(queryFromFilter(next));

  return (
    <div className="page">
      <OperationsNav />
      <header className="page-header">
        <div>
          <h1>Actions</h1>
          <p className="muted">The dispatch log, newest first: each action, the guards it passed, its attempts and its outcome.</p>
        </div>
      </header>
      <ActionFilters filter={filter} workflowIds={workflowIds} onChange={(patch) => apply(changeFilter(filter, patch))} onRefresh={actions.reload} />

      {actions.error ? <ErrorMessage error={actions.error} onRetry={actions.reload} /> : null}
      {actions.loading && !actions.data && <Loading />}
      {actions.data && rows.length === 0 && <Empty>No actions match these filters. Clear a filter, or publish a workflow with an action step to see its actions here.</Empty>}
      {rows.length > 0 && (
        <ActionTable actions={rows} retries={states} canRetry={hasRole(...roleAccess.administer)} linkWorkflows={hasRole(...roleAccess.design)} onRetry={(a, decision) => void retry(a, decision)} />
      )}
      {actions.data && (
        <div className="pager">
          <span className="muted small" role="status">
            Showing the newest {formatNumber(actions.data.length)}
            {filter.status || filter.workflowId || filter.customerId ? ' matching' : ''}
          </span>
          {mayHaveMore(filter, actions.data.length) && (
            <button type="button" className="btn btn-small" disabled={actions.loading} onClick={() => apply(showMore(filter))}>
              Show more
            </button>
          )}
        </div>
      )}
    </div>
  );
}
