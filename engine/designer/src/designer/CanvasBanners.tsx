import type { ElsaImportResult, ValidationProblem } from '../api';

type Unmapped = ElsaImportResult['unmapped'];

interface CanvasBannersProps {
  viewingVersion: number | null;
  onBackToEditing: () => void;
  liveVersion: number | null;
  importReport: { unmapped: Unmapped; toFinish: Unmapped } | null;
  onDismissImport: () => void;
  general: ValidationProblem[];
  problemNodes: string[];
  onSelectNode: (id: string) => void;
}

/** The notes above the canvas: which version is shown, what an Elsa import left to do, and the problems to fix. */
export function CanvasBanners(props: CanvasBannersProps) {
  const { viewingVersion, liveVersion, importReport, general, problemNodes } = props;
  return (
    <>
      {viewingVersion !== null && (
        <div className="canvas-banner banner-info" role="status">
          Viewing version {viewingVersion} (read-only).{' '}
          <button type="button" className="btn btn-small" onClick={props.onBackToEditing}>
            Back to editing
          </button>
        </div>
      )}
      {liveVersion !== null && (
        <div className="canvas-banner banner-live" role="status">
          Live view of published version {liveVersion} (read-only). Waiting customers are counted on each step.
        </div>
      )}
      {importReport && (importReport.unmapped.length > 0 || importReport.toFinish.length > 0) && (
        <ImportBanner unmapped={importReport.unmapped} toFinish={importReport.toFinish} onDismiss={props.onDismissImport} />
      )}
      {general.length > 0 && (
        <div className="canvas-banner banner-error" role="alert" data-testid="workflow-problems">
          <strong>Fix before publishing:</strong>
          <ul>
            {general.map((p, i) => (
              <li key={i}>
                {p.field && <code>{p.field}</code>} {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {problemNodes.length > 0 && (
        <div className="canvas-banner banner-error" role="status" data-testid="node-problems-summary">
          Problems on {problemNodes.length} step{problemNodes.length === 1 ? '' : 's'}:{' '}
          {problemNodes.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <button type="button" className="btn-link" onClick={() => props.onSelectNode(id)}>
                {id}
              </button>
            </span>
          ))}
        </div>
      )}
    </>
  );
}

function ImportBanner({ unmapped, toFinish, onDismiss }: { unmapped: Unmapped; toFinish: Unmapped; onDismiss: () => void }) {
  return (
    <div className="canvas-banner banner-warn" role="status" data-testid="import-unmapped">
      <div>
        <strong>Imported from Elsa.</strong>{' '}
        {unmapped.length > 0 && (
          <>
            {unmapped.length} activit{unmapped.length === 1 ? 'y was' : 'ies were'} not mapped and
            {unmapped.length === 1 ? ' is' : ' are'} left on the canvas as placeholders to replace:
            <ul>
              {unmapped.map((u, i) => (
                <li key={i}>
                  <code>{u.activityId}</code> ({u.elsaType}): {u.reason}
                </li>
              ))}
            </ul>
          </>
        )}
        {toFinish.length > 0 && (
          <>
            To finish:
            <ul>
              {toFinish.map((u, i) => (
                <li key={i}>
                  <code>{u.activityId}</code> ({u.elsaType}): {u.reason}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <button type="button" className="btn-icon" aria-label="Dismiss import report" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
