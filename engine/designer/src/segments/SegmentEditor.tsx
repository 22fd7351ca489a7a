import { useId, useState } from 'react';
import { ApiError, errorMessage, segmentsApi, type ExpressionProblem, type Segment, type SegmentPreview, type ValidationProblem } from '../api';
import { segmentsCache } from '../common/catalog';
import { ExpressionInput } from '../common/ExpressionInput';
import { formatNumber, formatPercent, slugify } from '../common/format';

interface SegmentEditorProps {
  segment: Segment | null;
  onSaved: (segment: Segment) => void;
  onCancel: () => void;
}

const numberOrNull = (text: string): number | null => (text.trim() === '' || Number.isNaN(Number(text)) ? null : Number(text));

export function SegmentEditor({ segment, onSaved, onCancel }: SegmentEditorProps) {
  const id = useId();
  const isNew = segment === null;
  const [draft, setDraft] = useState<Segment>(segment ?? { key: '', name: '', description: '', expression: '' });
  const [keyEdited, setKeyEdited] = useState(!isNew);
  const [preview, setPreview] = useState<SegmentPreview | null>(null);
  const [previewFor, setPreviewFor] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  // The server's problems (preview or save) with the expression they were found in: shown until it is edited.
  const [serverProblems, setServerProblems] = useState<{ expression: string; problems: ExpressionProblem[] }>({ expression: '', problems: [] });
  const [problems, setProblems] = useState<ValidationProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (patch: Partial<Segment>) => setDraft((d) => ({ ...d, ...patch }));
  const fieldProblems = (name: string) => problems.filter((p) => p.field?.toLowerCase() === name.toLowerCase());

  async function runPreview() {
    const expression = draft.expression;
    setPreviewing(true);
    setError(null);
    try {
      const result = await segmentsApi.preview(expression);
      setPreview(result);
      setPreviewFor(expression);
      setServerProblems({ expression, problems: result.problems ?? [] });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setServerProblems({ expression, problems: e.problems.map((p) => ({ message: p.message, position: p.position })) });
      else setError(errorMessage(e));
    } finally {
      setPreviewing(false);
    }
  }

  async function save() {
    setSaving(true);
    setError(null);
    setProblems([]);
    try {
      const body: Segment = { ...draft, key: draft.key.trim(), name: draft.name.trim() || draft.key.trim() };
      delete body.size;
      delete body.evaluationError;
      const saved = await segmentsApi.save(body);
      segmentsCache.invalidate();
      onSaved(saved && typeof saved === 'object' && 'key' in saved ? saved : body);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const found = e.problems;
        setProblems(found);
        const onExpression = found.filter((p) => !p.field || p.field.toLowerCase() === 'expression');
        setServerProblems({ expression: draft.expression, problems: onExpression.map((p) => ({ message: p.message, position: p.position })) });
        if (found.length === 0) setError(errorMessage(e));
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setSaving(false);
    }
  }

  const previewStale = preview !== null && previewFor !== draft.expression;
  const expressionProblems = serverProblems.expression === draft.expression ? serverProblems.problems : [];

  return (
    <form
      className="segment-editor card"
      aria-label={isNew ? 'New segment' : `Edit segment ${segment?.name ?? ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{isNew ? 'New segment' : `Edit “${segment?.name || segment?.key}”`}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>
            Name<span className="req" aria-hidden="true"> *</span>
          </label>
          <input
            id={`${id}-name`}
            type="text"
            required
            value={draft.name}
            onChange={(e) => set(isNew && !keyEdited ? { name: e.target.value, key: slugify(e.target.value) } : { name: e.target.value })}
          />
          {fieldProblems('name').map((p, i) => (
            <div key={i} className="field-problem" role="alert">
              {p.message}
            </div>
          ))}
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>
            Key<span className="req" aria-hidden="true"> *</span>
          </label>
          <input
            id={`${id}-key`}
            type="text"
            className="code-input"
            required
            readOnly={!isNew}
            value={draft.key}
            onChange={(e) => {
              setKeyEdited(true);
              set({ key: e.target.value.trim() });
            }}
          />
          {fieldProblems('key').map((p, i) => (
            <div key={i} className="field-problem" role="alert">
              {p.message}
            </div>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>Description</label>
        <input id={`${id}-desc`} type="text" value={draft.description ?? ''} onChange={(e) => set({ description: e.target.value })} />
      </div>

      <ExpressionInput
        label="Expression"
        value={draft.expression}
        required
        rows={3}
        placeholder="e.g. Features.PricingViews7d >= 2 && Features.Purchases == 0"
        description="Who belongs: an expression over the customer's features and scores."
        problems={expressionProblems.length > 0 ? expressionProblems : undefined}
        errorTestId="expression-error"
        onChange={(v) => set({ expression: v })}
      />

      <div className="preview-row">
        <button type="button" className="btn" onClick={() => void runPreview()} disabled={previewing || !draft.expression.trim()}>
          {previewing ? 'Counting…' : 'Preview count'}
        </button>
        {preview && (
          <span className={`preview-count${previewStale ? ' stale' : ''}`} data-testid="preview-count" aria-live="polite">
            <strong>{formatNumber(preview.count)}</strong> of {formatNumber(preview.total)} customers
            {preview.total > 0 ? ` (${formatPercent(preview.count / preview.total)})` : ''}
            {previewStale ? ' — expression changed since' : ''}
          </span>
        )}
      </div>

      <details className="advanced">
        <summary>Hysteresis, time-to-live and size guard</summary>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-member`}>Score member</label>
            <input
              id={`${id}-member`}
              type="text"
              className="code-input"
              placeholder="e.g. Scores.ChurnRisk"
              value={draft.scoreMember ?? ''}
              onChange={(e) => set({ scoreMember: e.target.value || null })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-enter`}>Enter at or above</label>
            <input id={`${id}-enter`} type="number" step="any" value={draft.enterThreshold ?? ''} onChange={(e) => set({ enterThreshold: numberOrNull(e.target.value) })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-exit`}>Leave below</label>
            <input id={`${id}-exit`} type="number" step="any" value={draft.exitThreshold ?? ''} onChange={(e) => set({ exitThreshold: numberOrNull(e.target.value) })} />
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-ttl`}>Membership lasts (days)</label>
            <input id={`${id}-ttl`} type="number" min={1} value={draft.ttlDays ?? ''} onChange={(e) => set({ ttlDays: numberOrNull(e.target.value) })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-min`}>Minimum size</label>
            <input id={`${id}-min`} type="number" min={0} value={draft.minimumSize ?? ''} onChange={(e) => set({ minimumSize: numberOrNull(e.target.value) })} />
          </div>
        </div>
        <p className="muted small">With a score member, customers enter at the enter threshold and stay until they fall below the exit threshold, so they do not flicker in and out.</p>
      </details>

      {problems.filter((p) => p.field && !['expression', 'name', 'key'].includes(p.field.toLowerCase())).length > 0 && (
        <ul className="problem-list" role="alert">
          {problems
            .filter((p) => p.field && !['expression', 'name', 'key'].includes(p.field.toLowerCase()))
            .map((p, i) => (
              <li key={i}>
                <code>{p.field}</code> {p.message}
              </li>
            ))}
        </ul>
      )}
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving || !draft.key.trim() || !draft.expression.trim()}>
          {saving ? 'Saving…' : 'Save segment'}
        </button>
      </div>
    </form>
  );
}
