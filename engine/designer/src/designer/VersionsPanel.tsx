import type { WorkflowVersionInfo } from '../api';
import { formatDateTime } from '../common/format';
import { StatusBadge } from '../common/Status';
import { MigrationPanel } from './MigrationPanel';

interface VersionsPanelProps {
  versions: WorkflowVersionInfo[];
  viewing: number | null;
  onOpen: (version: number) => void;
  onBack: () => void;
  /** Offered once a version after the first is published: customers waiting on older versions may move to it. */
  migration?: { workflowId: string; publishedVersion: number | null };
}

export function VersionsPanel({ versions, viewing, onOpen, onBack, migration }: VersionsPanelProps) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <div className="props-section" data-testid="versions-panel">
      <h2>Version history</h2>
      {viewing !== null && (
        <button type="button" className="btn btn-small" onClick={onBack}>
          Back to editing
        </button>
      )}
      {sorted.length === 0 && <p className="muted small">Not saved yet.</p>}
      <ul className="version-list">
        {sorted.map((v) => (
          <li key={v.version} className={viewing === v.version ? 'active' : undefined} data-testid={`version-${v.version}`}>
            <div className="version-head">
              <strong>v{v.version}</strong> <StatusBadge status={v.status} />
            </div>
            <div className="muted small">
              saved by {v.createdBy ?? '—'} · {formatDateTime(v.createdAt)}
            </div>
            {v.publishedAt && (
              <div className="muted small">
                published by {v.publishedBy ?? '—'} · {formatDateTime(v.publishedAt)}
              </div>
            )}
            <button type="button" className="btn btn-small btn-ghost" aria-label={`Open version ${v.version}`} onClick={() => onOpen(v.version)}>
              Open read-only
            </button>
          </li>
        ))}
      </ul>
      {migration?.publishedVersion != null && migration.publishedVersion > 1 && (
        <MigrationPanel workflowId={migration.workflowId} publishedVersion={migration.publishedVersion} readOnly={false} />
      )}
    </div>
  );
}
