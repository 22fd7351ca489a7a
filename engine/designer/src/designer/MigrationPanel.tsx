import { useEffect, useId, useState } from 'react';
import { workflowsApi, type MigrationReport, type MigrationRequest } from '../api';
import { formatNumber } from '../common/format';
import { ErrorMessage } from '../common/Status';

interface MigrationPanelProps {
  workflowId: string;
  publishedVersion: number;
  readOnly: boolean;
}

/**
 * Moves customers waiting on older versions to the published one: a preview per current step (how many, to which
 * step, why), a target to choose where a step's id is gone, a box per step to leave it out, then the move itself.
 */
export function MigrationPanel({ workflowId, publishedVersion, readOnly }: MigrationPanelProps) {
  const id = useId();
  const [steps, setSteps] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [preview, setPreview] = useState<MigrationReport | null>(null);
  const [done, setDone] = useState<MigrationReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    workflowsApi
      .version(workflowId, publishedVersion)
      .then((d) => current && setSteps(d.activities.map((a) => a.id)))
      .catch(() => current && setSteps([]));
    return () => {
      current = false;
    };
  }, [workflowId, publishedVersion]);

  const request = (m = mapping, left = excluded): MigrationRequest => {
    const all = preview?.lines.map((l) => l.fromStep) ?? [];
    return { toVersion: publishedVersion, mapping: m, ...(left.size > 0 ? { steps: all.filter((s) => !left.has(s)) } : {}) };
  };
  const run = async (apply: boolean, r: MigrationRequest) => {
    setBusy(true);
    setError(null);
    try {
      const report = apply ? await workflowsApi.migrate(workflowId, r) : await workflowsApi.previewMigration(workflowId, r);
      if (apply) setDone(report);
      else setDone(null);
      setPreview(apply ? null : report);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const choose = (from: string, to: string) => {
    const next = { ...mapping };
    if (to) next[from] = to;
    else delete next[from];
    setMapping(next);
    void run(false, request(next));
  };
  const include = (from: string, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(from);
    else next.add(from);
    setExcluded(next);
    void run(false, request(mapping, next));
  };

  return (
    <div className="props-section" data-testid="migration-panel">
      <h3>Move waiting customers to v{publishedVersion}</h3>
      <p className="muted small">Customers keep what they wait for; nothing they already did runs again and no action is sent twice.</p>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run(false, request())}>
        Preview migration
      </button>
      {error !== null && <ErrorMessage error={error} title="The migration could not be previewed or run" />}
      {done && (
        <p className="notice small" role="status" data-testid="migration-done">
          Moved {formatNumber(done.moved)} waiting customers to v{done.toVersion}; {formatNumber(done.staying)} stayed.
        </p>
      )}
      {preview && preview.lines.length === 0 && <p className="muted small">Nobody waits on an older version.</p>}
      {preview && preview.lines.length > 0 && (
        <>
          <table className="table small" data-testid="migration-preview">
            <thead>
              <tr>
                <th>Move</th>
                <th>Waiting at</th>
                <th>Customers</th>
                <th>Goes to</th>
              </tr>
            </thead>
            <tbody>
              {preview.lines.map((l) => (
                <tr key={`${l.fromVersion}-${l.fromStep}`} data-testid={`migration-line-${l.fromStep}`}>
                  <td>
                    <input type="checkbox" aria-label={`Move customers waiting at ${l.fromStep}`} checked={!excluded.has(l.fromStep)} disabled={readOnly || busy} onChange={(e) => include(l.fromStep, e.target.checked)} />
                  </td>
                  <td>
                    v{l.fromVersion} <code>{l.fromStep}</code>
                  </td>
                  <td>{formatNumber(l.instances)}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`${id}-${l.fromStep}`}>{`Target for ${l.fromStep}`}</label>
                    <select id={`${id}-${l.fromStep}`} value={mapping[l.fromStep] ?? ''} disabled={readOnly || busy} onChange={(e) => choose(l.fromStep, e.target.value)}>
                      <option value="">{steps.includes(l.fromStep) ? `same id (${l.fromStep})` : 'choose a step…'}</option>
                      {steps.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                    <div className={l.toStep ? 'muted small' : 'field-problem'}>{l.toStep ? `→ ${l.toStep}: ${l.reason}` : `stays: ${l.reason}`}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!readOnly && (
            <button type="button" className="btn btn-primary btn-small" disabled={busy || preview.moved === 0} onClick={() => void run(true, request())}>
              Move {formatNumber(preview.moved)} customers
            </button>
          )}
        </>
      )}
    </div>
  );
}
