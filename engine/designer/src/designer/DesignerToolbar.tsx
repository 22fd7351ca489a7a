import { Link } from 'react-router';
import type { WorkflowDetail } from '../api';
import { StatusBadge } from '../common/Status';

interface DesignerToolbarProps {
  name: string;
  info: WorkflowDetail | null;
  isNew: boolean;
  published: boolean;
  dirty: boolean;
  readOnly: boolean;
  busy: string | null;
  simRunning: boolean;
  hasProblems: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onValidate: () => void;
  onSave: () => void;
  onDryRun: () => void;
  onPublish: () => void;
  onToggleEnabled: () => void;
  onExport: () => void;
  advanced: boolean;
  onAdvanced: (advanced: boolean) => void;
}

/** The designer's top bar: the workflow's name and status, undo and layout, and the server actions. */
export function DesignerToolbar(props: DesignerToolbarProps) {
  const { info, isNew, published, dirty, readOnly, busy, hasProblems } = props;
  // A disabled button says why, in words next to it and to screen readers.
  const publishWhy = isNew ? 'Save first to validate, dry run or publish.' : hasProblems ? 'Fix the problems, then Validate or Save draft again to publish.' : null;
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Workflow actions">
      <Link to="/workflows" className="btn btn-ghost btn-small">
        ← Workflows
      </Link>
      <div className="designer-title">
        <h1 title={props.name}>{props.name || 'Untitled workflow'}</h1>
        <div className="designer-meta">
          <StatusBadge status={info?.status ?? 'draft'} />
          {info && (
            <span>
              v{info.latestVersion}
              {published ? ` · live v${info.publishedVersion}` : ''}
              {!info.enabled && info.status !== 'disabled' ? ' · disabled' : ''}
            </span>
          )}
          {isNew && <span>not saved yet</span>}
          {dirty && <span className="unsaved">Unsaved changes</span>}
        </div>
      </div>
      <div className="toolbar-group">
        <button type="button" className="btn btn-small btn-square" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!props.canUndo || readOnly} onClick={props.onUndo}>
          ↶
        </button>
        <button type="button" className="btn btn-small btn-square" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!props.canRedo || readOnly} onClick={props.onRedo}>
          ↷
        </button>
        <button type="button" className="btn btn-small" onClick={props.onLayout} disabled={readOnly}>
          Auto-layout
        </button>
        <label className="toggle-inline small" title="Show step ids, internal types and every port">
          <input type="checkbox" checked={props.advanced} onChange={(e) => props.onAdvanced(e.target.checked)} /> Advanced view
        </label>
      </div>
      <div className="toolbar-group">
        <button type="button" className="btn btn-small" onClick={props.onValidate} disabled={isNew || readOnly || busy !== null} title={isNew ? 'Save first to validate' : 'Check the design on the server'} aria-describedby={isNew ? 'designer-why' : undefined}>
          Validate
        </button>
        <button type="button" className="btn btn-small btn-primary" onClick={props.onSave} disabled={readOnly || busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save draft'}
        </button>
        <button type="button" className="btn btn-small" onClick={props.onDryRun} disabled={isNew || props.simRunning} title={isNew ? 'Save first to run a dry run' : 'Replay history through this design'} aria-describedby={isNew ? 'designer-why' : undefined}>
          Dry run
        </button>
        <button
          type="button"
          className="btn btn-small btn-accent"
          onClick={props.onPublish}
          disabled={isNew || readOnly || hasProblems || busy !== null}
          title={publishWhy ?? 'Publish the latest draft'}
          aria-describedby={publishWhy ? 'designer-why' : undefined}
        >
          Publish
        </button>
        {info && (published || !info.enabled) && (
          <button type="button" className="btn btn-small" onClick={props.onToggleEnabled} disabled={busy !== null}>
            {info.enabled ? 'Disable' : 'Enable'}
          </button>
        )}
        <button type="button" className="btn btn-small btn-ghost" onClick={props.onExport} title="Download the definition as JSON">
          Export JSON
        </button>
        {publishWhy && (
          <span id="designer-why" className="toolbar-why small" data-testid="designer-why">
            {publishWhy}
          </span>
        )}
      </div>
    </div>
  );
}
