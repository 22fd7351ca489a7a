import type { ActionRecord } from '../api';
import { useWorkflowNames } from '../common/useWorkflowNames';
import { ActionRow } from './ActionRow';
import type { ActionDecision, RetryState } from './useActionRetry';

interface Props {
  actions: ActionRecord[];
  retries: Record<string, RetryState>;
  canRetry: boolean;
  linkWorkflows: boolean;
  onRetry: (action: ActionRecord, decision: ActionDecision) => void;
}

export function ActionTable({ actions, retries, canRetry, linkWorkflows, onRetry }: Props) {
  const workflowName = useWorkflowNames();
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table" data-testid="action-table">
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Action</th>
            <th scope="col">Customer</th>
            <th scope="col">Workflow</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Attempts
            </th>
            <th scope="col">Last error / detail</th>
            <th scope="col">Guards</th>
            <th scope="col">
              <span className="visually-hidden">Retry</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <ActionRow key={a.id} action={a} retry={retries[a.id]} canRetry={canRetry} linkWorkflows={linkWorkflows} workflowName={workflowName} onRetry={onRetry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
