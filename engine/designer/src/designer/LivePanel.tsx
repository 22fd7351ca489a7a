import { useState } from 'react';
import { Link } from 'react-router';
import { workflowsApi, type InstanceDetail, type LiveView } from '../api';
import { formatDateTime, formatNumber, formatRelative } from '../common/format';
import { ErrorMessage, Loading, StatusBadge } from '../common/Status';
import { useAsync } from '../common/useAsync';
import type { PanelWords } from './stepWords';

interface LivePanelProps {
  workflowId: string;
  live: LiveView | undefined;
  liveError: unknown;
  selectedInstance: InstanceDetail | null;
  onSelectInstance: (instanceId: string | null) => void;
  instanceLoading: boolean;
  instanceError: unknown;
  words: PanelWords;
}

const statuses = ['', 'running', 'waiting', 'completed', 'converted', 'faulted', 'cancelled'];

export function LivePanel({ workflowId, live, liveError, selectedInstance, onSelectInstance, instanceLoading, instanceError, words }: LivePanelProps) {
  const [status, setStatus] = useState('');
  const instances = useAsync(() => workflowsApi.instances(workflowId, status || undefined), [workflowId, status]);
  const totalWaiting = live ? Object.values(live.waiting).reduce((a, b) => a + b, 0) : 0;

  return (
    <div className="props-section" data-testid="live-panel">
      <h2>Live</h2>
      {liveError !== undefined && liveError !== null && <ErrorMessage error={liveError} title="Live counts could not be loaded" />}
      {live ? (
        <dl className="stats">
          <div>
            <dt>Version</dt>
            <dd>v{live.version}</dd>
          </div>
          <div>
            <dt>Running</dt>
            <dd>{formatNumber(live.running)}</dd>
          </div>
          <div>
            <dt>Waiting</dt>
            <dd>{formatNumber(totalWaiting)}</dd>
          </div>
          <div>
            <dt>Completed</dt>
            <dd>{formatNumber(live.completed)}</dd>
          </div>
          <div>
            <dt>Converted</dt>
            <dd>{formatNumber(live.converted ?? 0)}</dd>
          </div>
        </dl>
      ) : (
        !liveError && <Loading />
      )}
      {live?.winners?.map((w) => (
        <p key={w.activityId} className="notice small" data-testid={`live-winner-${w.activityId}`}>
          A/B test {words.step(w.activityId)}: {w.summary}
        </p>
      ))}
      <p className="muted small">Counts refresh every 5 seconds and are drawn on the steps.</p>

      <h3>Instances</h3>
      <label className="field field-inline">
        <span>Status</span>
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s || 'any'}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-small btn-ghost" onClick={instances.reload}>
        Refresh list
      </button>
      {instances.error ? <ErrorMessage error={instances.error} onRetry={instances.reload} /> : null}
      {instances.loading && !instances.data && <Loading />}
      {instances.data && instances.data.length === 0 && <p className="muted small">No instances.</p>}
      {instances.data && instances.data.length > 0 && (
        <ul className="instance-list">
          {instances.data.slice(0, 200).map((i) => (
            <li key={i.id}>
              <button
                type="button"
                className={`instance-row${selectedInstance?.id === i.id ? ' active' : ''}`}
                data-testid={`instance-${i.id}`}
                aria-pressed={selectedInstance?.id === i.id}
                onClick={() => onSelectInstance(selectedInstance?.id === i.id ? null : i.id)}
              >
                <span className="instance-customer">{i.customerId}</span>
                <StatusBadge status={i.status} />
                <span className="muted small">
                  v{i.version} · {i.currentActivityId ?? '—'} · {formatRelative(i.startedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}

      {instanceLoading && <Loading label="Loading the instance…" />}
      {instanceError !== undefined && instanceError !== null && <ErrorMessage error={instanceError} />}
      {selectedInstance && (
        <div className="instance-detail" data-testid="instance-steps">
          <h3>
            Path of <Link to={`/customers/${encodeURIComponent(selectedInstance.customerId)}`}>{selectedInstance.customerId}</Link>
          </h3>
          <ol className="steps">
            {selectedInstance.steps.map((s, i) => (
              <li key={i}>
                <div>
                  {words.step(s.activityId)} {words.advanced && <span className="muted small">{s.activityType}</span>}
                  {s.port && (
                    <>
                      {' '}
                      → <strong>{words.port(s.port)}</strong>
                    </>
                  )}
                </div>
                {s.summary && <div className="small">{s.summary}</div>}
                <div className="muted small">{formatDateTime(s.at)}</div>
              </li>
            ))}
          </ol>
          {selectedInstance.wakeAt && <p className="muted small">Wakes {formatRelative(selectedInstance.wakeAt)}.</p>}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => onSelectInstance(null)}>
            Clear path
          </button>
        </div>
      )}
    </div>
  );
}
