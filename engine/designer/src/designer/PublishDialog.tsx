import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { formatNumber } from '../common/format';
import { describeChanges, type ChangeWords } from './publishChanges';
import type { PublishAudience, PublishPreview } from './useWorkflowServer';

interface PublishDialogProps {
  diff: PublishPreview | null;
  /** How many customers are in the trigger's segment now (segment-entered triggers only). */
  audience: PublishAudience | null;
  segmentName: (key: string) => string | undefined;
  /** Names steps, segments and templates in the list of changes as the cards do. */
  words: ChangeWords;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (startCurrentMembers: boolean) => void;
}

/** Confirms publishing: which version goes live and what changes against the published one. */
export function PublishDialog({ diff, audience, segmentName, words, busy, onCancel, onConfirm }: PublishDialogProps) {
  // Off by default: those already in the segment start only when the marketer says so.
  const [startMembers, setStartMembers] = useState(false);
  const close = () => {
    setStartMembers(false);
    onCancel();
  };
  const segment = audience ? (segmentName(audience.segment) ?? audience.segment) : '';
  const changes = diff ? describeChanges(diff.before, diff.after, words) : [];
  const count = audience ? `${formatNumber(audience.count)} customer${audience.count === 1 ? '' : 's'}` : '';
  return (
    <Dialog
      open={diff !== null}
      title="Publish this workflow?"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn btn-accent" onClick={() => {
              onConfirm(startMembers);
              setStartMembers(false);
            }}
            disabled={busy}
          >
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
          {audience && (
            <div className="publish-audience" data-testid="publish-audience">
              <p>
                <strong>
                  {count} {audience.count === 1 ? 'is' : 'are'} in “{segment}” now.
                </strong>
              </p>
              <label className="checkbox-line">
                <input type="checkbox" checked={startMembers} onChange={(e) => setStartMembers(e.target.checked)} /> Also start for the segment’s current members
              </label>
              <p className="muted small">
                {startMembers
                  ? `Publishing starts the workflow for these ${count} now (within the re-entry policy), and for everyone who enters later.`
                  : `These ${count} do not start it; only customers who enter “${segment}” from now on do.`}
              </p>
            </div>
          )}
          <h3>What changes since the published version</h3>
          {changes.length === 0 ? (
            <p className="muted">No changes.</p>
          ) : (
            <ul className="change-list" data-testid="publish-changes">
              {changes.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Dialog>
  );
}
