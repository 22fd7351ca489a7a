import { useId } from 'react';
import type { Segment, TriggerDefinition } from '../api';
import { Combobox, type ComboboxOption } from '../common/Combobox';
import { useSegmentsCatalog } from '../common/catalog';
import { ExpressionInput } from '../common/ExpressionInput';
import { formatNumber } from '../common/format';
import { changeTriggerType, eventLabel, knownEventTypes, scoreNames, triggerTypes } from './triggers';
import { ScheduleTriggerFields } from './ScheduleTriggerFields';
import { WebhookTriggerFields } from './WebhookTriggerFields';

interface TriggerFormProps {
  trigger: TriggerDefinition | null;
  onChange: (trigger: TriggerDefinition, field: string) => void;
  readOnly: boolean;
  problems: string[];
}

export function TriggerForm({ trigger, onChange, readOnly, problems }: TriggerFormProps) {
  const id = useId();
  const segments = useSegmentsCatalog();
  const type = trigger?.type ?? '';
  const set = (patch: Partial<TriggerDefinition>, field: string) => onChange({ ...(trigger ?? { type: '' }), ...patch }, field);

  return (
    <div className="props-section">
      <h2>Trigger</h2>
      <p className="muted small">What starts a customer on this workflow. The trigger hands over to the first step nothing else leads to.</p>
      {problems.length > 0 && (
        <ul className="problem-list" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={`${id}-type`}>
          Trigger type<span className="req" aria-hidden="true"> *</span>
        </label>
        <select id={`${id}-type`} value={type} disabled={readOnly} required onChange={(e) => onChange(changeTriggerType(trigger, e.target.value), 'type')}>
          <option value="">Choose…</option>
          {triggerTypes.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>

      {(type === 'segment.entered' || type === 'segment.exited' || type === 'schedule') && (
        <div className="field">
          {segments.data ? (
            <Combobox
              label={
                <>
                  Segment<span className="req" aria-hidden="true"> *</span>
                </>
              }
              options={segmentOptions(segments.data, trigger?.segment)}
              value={trigger?.segment ?? ''}
              onChange={(segment) => set({ segment }, 'segment')}
              placeholder="Search segments…"
              noMatch={(typed) => `No segment is called “${typed}”.`}
              readOnly={readOnly}
              required
            />
          ) : (
            <>
              <label htmlFor={`${id}-segment`}>
                Segment<span className="req" aria-hidden="true"> *</span>
              </label>
              <input
                id={`${id}-segment`}
                type="text"
                value={trigger?.segment ?? ''}
                readOnly={readOnly}
                onChange={(e) => set({ segment: e.target.value }, 'segment')}
              />
              {segments.error ? (
                <div className="field-help">
                  Segments could not be loaded; type the segment key.{' '}
                  <button type="button" className="btn-link" onClick={segments.retry}>
                    Retry
                  </button>
                </div>
              ) : (
                <div className="field-help">Loading segments…</div>
              )}
            </>
          )}
        </div>
      )}

      {type === 'score.crossed' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-score`}>Score</label>
            <select id={`${id}-score`} value={trigger?.score ?? ''} disabled={readOnly} onChange={(e) => set({ score: e.target.value }, 'score')}>
              {scoreNames.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
              {trigger?.score && !scoreNames.some((s) => s.value === trigger.score) && <option value={trigger.score}>{trigger.score}</option>}
            </select>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-direction`}>Direction</label>
              <select id={`${id}-direction`} value={trigger?.direction ?? 'up'} disabled={readOnly} onChange={(e) => set({ direction: e.target.value }, 'direction')}>
                <option value="up">rises above</option>
                <option value="down">falls below</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-threshold`}>Threshold</label>
              <input
                id={`${id}-threshold`}
                type="number"
                step="0.01"
                min="0"
                max="1"
                value={trigger?.threshold ?? ''}
                readOnly={readOnly}
                onChange={(e) => set({ threshold: e.target.value === '' ? null : Number(e.target.value) }, 'threshold')}
              />
            </div>
          </div>
        </>
      )}

      {type === 'event' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-event`}>
              Event type<span className="req" aria-hidden="true"> *</span>
            </label>
            <input
              id={`${id}-event`}
              type="text"
              list={`${id}-events`}
              value={trigger?.event ?? ''}
              readOnly={readOnly}
              placeholder="e.g. purchase"
              onChange={(e) => set({ event: e.target.value }, 'event')}
            />
            <datalist id={`${id}-events`}>
              {knownEventTypes.map((t) => (
                <option key={t} value={t} label={eventLabel(t)} />
              ))}
            </datalist>
          </div>
          <ExpressionInput
            label="Filter (optional)"
            value={trigger?.filter ?? ''}
            onChange={(v) => set({ filter: v || null }, 'filter')}
            readOnly={readOnly}
            errorTestId="expression-error-trigger-filter"
            description="Only customers for whom this is true start the workflow."
          />
        </>
      )}

      {type === 'webhook' && trigger && <WebhookTriggerFields trigger={trigger} readOnly={readOnly} onChange={set} />}
      {type === 'schedule' && trigger && <ScheduleTriggerFields trigger={trigger} readOnly={readOnly} onChange={set} />}
    </div>
  );
}

/** Segments by name with their size now; a segment the workflow names but the catalog lacks is kept and said so. */
function segmentOptions(segments: Segment[], current: string | null | undefined): ComboboxOption[] {
  const options: ComboboxOption[] = segments.map((s) => ({
    value: s.key,
    label: s.name || s.key,
    detail: s.size !== undefined ? `${formatNumber(s.size)} now` : undefined,
    keywords: [s.key],
  }));
  if (current && !segments.some((s) => s.key === current)) options.push({ value: current, label: `${current} (unknown segment)` });
  return options;
}
