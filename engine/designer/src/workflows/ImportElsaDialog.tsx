import { useState } from 'react';
import { useNavigate } from 'react-router';
import { workflowsApi, type ElsaImportNote, type ElsaImportResult } from '../api';
import { Dialog } from '../common/Dialog';
import { ErrorMessage } from '../common/Status';

export function ImportElsaDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ElsaImportResult | null>(null);

  function close() {
    setText('');
    setResult(null);
    setError(null);
    setLocalError(null);
    onClose();
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    setText(await file.text());
    setResult(null);
  }

  async function convert() {
    setError(null);
    setLocalError(null);
    setResult(null);
    try {
      JSON.parse(text);
    } catch (e) {
      setLocalError(`This is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    setBusy(true);
    try {
      setResult(await workflowsApi.importElsa(text));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      wide
      title="Import an Elsa 3 flowchart"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          {result ? (
            <button type="button" className="btn btn-primary" onClick={() => navigate('/workflows/new', { state: { imported: result } })}>
              Open in designer
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => void convert()} disabled={busy || !text.trim()}>
              {busy ? 'Importing…' : 'Import'}
            </button>
          )}
        </>
      }
    >
      <p className="muted small">Export the workflow from Elsa Studio as JSON, then choose the file or paste it. Nothing is saved until you save the draft.</p>
      <div className="field">
        <label htmlFor="elsa-file">Elsa JSON file</label>
        <input id="elsa-file" type="file" accept=".json,application/json" onChange={(e) => void readFile(e.target.files?.[0])} />
      </div>
      <div className="field">
        <label htmlFor="elsa-text">Elsa JSON</label>
        <textarea
          id="elsa-text"
          className="code-input"
          rows={10}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setResult(null);
          }}
        />
      </div>
      {localError && (
        <div className="alert alert-error" role="alert">
          {localError}
        </div>
      )}
      {error !== null && <ErrorMessage error={error} title="Import failed" />}
      {result && (
        <div className="import-result" data-testid="import-result">
          <p>
            <strong>{result.definition.name || result.definition.id}</strong>: {result.definition.activities.length} step
            {result.definition.activities.length === 1 ? '' : 's'} and {result.definition.connections.length} connection
            {result.definition.connections.length === 1 ? '' : 's'} mapped.
          </p>
          {result.unmapped.length === 0 ? (
            <p className="ok-text">Every activity mapped.</p>
          ) : (
            <>
              <h3>Not mapped ({result.unmapped.length}): left as placeholders to replace</h3>
              <ImportNotes notes={result.unmapped} testId="import-unmapped-report" />
            </>
          )}
          {(result.changed?.length ?? 0) > 0 && (
            <>
              <h3>Changed on the way ({result.changed!.length})</h3>
              <ImportNotes notes={result.changed!} testId="import-changed-report" />
            </>
          )}
          {result.toFinish.length > 0 && (
            <>
              <h3>To finish ({result.toFinish.length})</h3>
              <ImportNotes notes={result.toFinish} testId="import-to-finish-report" />
            </>
          )}
        </div>
      )}
    </Dialog>
  );
}

function ImportNotes({ notes, testId }: { notes: ElsaImportNote[]; testId: string }) {
  return (
    <table className="table table-compact" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Activity</th>
          <th scope="col">Elsa type</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {notes.map((u, i) => (
          <tr key={i}>
            <td>
              <code>{u.activityId}</code>
            </td>
            <td>
              <code>{u.elsaType}</code>
            </td>
            <td>{u.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
