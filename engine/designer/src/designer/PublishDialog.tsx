import type { WorkflowDiff } from '../api';
import { Dialog } from '../common/Dialog';

interface PublishDialogProps {
  diff: WorkflowDiff | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Confirms publishing: which version goes live and what changes against the published one. */
export function PublishDialog({ diff, busy, onCancel, onConfirm }: PublishDialogProps) {
  return (
    <Dialog
      open={diff !== null}
      title="Publish this workflow?"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="btn btn-accent" onClick={onConfirm} disabled={busy}>
            Confirm publish
          </button>
        </>
      }
    >
      {diff && (
        <>
          <p>
            Version {diff.latestVersion} becomes the live version
            {diff.publishedVersion ? `, replacing version ${diff.publishedVersion}` : ' (nothing is published yet)'}. Customers already inside finish on the
            version they started.
          </p>
          <h3>What changes since the published version</h3>
          {diff.changes.length === 0 ? (
            <p className="muted">No changes.</p>
          ) : (
            <ul className="change-list" data-testid="publish-changes">
              {diff.changes.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Dialog>
  );
}
