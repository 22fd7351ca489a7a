import { useId } from 'react';
import type { TriggerBinding } from '../api';
import { useSegmentsCatalog } from '../common/catalog';
import { scoreNames, triggerTypes } from '../designer/triggers';
import { ProblemList } from './ProblemList';
import type { PlacedProblem } from './ruleProblems';

interface DecidesFormProps {
  decides: TriggerBinding | null;
  problems: PlacedProblem[];
  onChange: (decides: TriggerBinding | null) => void;
}

/** Makes the rule set a decision rule set: it runs at this crossing before any workflow listening to it starts. */
export function DecidesForm({ decides, problems, onChange }: DecidesFormProps) {
  const id = useId();
  const segments = useSegmentsCatalog();
  const pickTrigger = (trigger: string) => {
    if (!trigger) return onChange(null);
    const t = trigger as TriggerBinding['trigger'];
    if (t === 'score.crossed') onChange({ trigger: t, score: decides?.score ?? scoreNames[0].value });
    else if (t === 'event') onChange({ trigger: t, event: decides?.event ?? '' });
    else onChange({ trigger: t, segment: decides?.segment ?? segments.data?.[0]?.key ?? '' });
  };
  const trigger = decides?.trigger ?? '';
  return (
    <div className="field-row" role="group" aria-label="Decides at">
      <div className="field">
        <label htmlFor={`${id}-trigger`}>Decides at</label>
        <select id={`${id}-trigger`} value={trigger} onChange={(e) => pickTrigger(e.target.value)}>
          <option value="">Only where a workflow's rule-set step runs it</option>
          {triggerTypes.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      {(trigger === 'segment.entered' || trigger === 'segment.exited') && (
        <div className="field">
          <label htmlFor={`${id}-segment`}>Segment</label>
          <select id={`${id}-segment`} value={decides?.segment ?? ''} onChange={(e) => onChange({ trigger, segment: e.target.value })}>
            <option value="">Choose a segment…</option>
            {(segments.data ?? []).map((s) => (
              <option key={s.key} value={s.key}>
                {s.name || s.key}
              </option>
            ))}
          </select>
        </div>
      )}
      {trigger === 'score.crossed' && (
        <div className="field">
          <label htmlFor={`${id}-score`}>Score</label>
          <select id={`${id}-score`} value={decides?.score ?? ''} onChange={(e) => onChange({ trigger, score: e.target.value })}>
            {scoreNames.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {trigger === 'event' && (
        <div className="field">
          <label htmlFor={`${id}-event`}>Event type</label>
          <input id={`${id}-event`} value={decides?.event ?? ''} onChange={(e) => onChange({ trigger, event: e.target.value })} />
        </div>
      )}
      <ProblemList problems={problems} />
    </div>
  );
}
