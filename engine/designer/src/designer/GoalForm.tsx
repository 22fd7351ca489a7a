import { useId } from 'react';
import type { GoalDefinition, ValidationProblem } from '../api';
import { ExpressionInput } from '../common/ExpressionInput';
import { eventLabel, knownEventTypes } from './triggers';

interface GoalFormProps {
  goal: GoalDefinition | null | undefined;
  problems: ValidationProblem[];
  readOnly: boolean;
  onChange: (goal: GoalDefinition | null, field: string) => void;
}

/** The workflow's goal: an event or expression that takes the customer out as converted, counted in the uplift report. */
export function GoalForm({ goal, problems, readOnly, onChange }: GoalFormProps) {
  const id = useId();
  const set = (patch: Partial<GoalDefinition>, field: string) => {
    const next = { ...(goal ?? {}), ...patch };
    const empty = !next.event && !next.expression && !next.name;
    onChange(empty ? null : next, field);
  };
  return (
    <fieldset className="fieldset" data-testid="goal-form">
      <legend>Goal</legend>
      <p className="muted small">Whenever it becomes true, the customer leaves the workflow as converted, wherever they wait.</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Goal name</label>
        <input id={`${id}-name`} type="text" value={goal?.name ?? ''} readOnly={readOnly} placeholder="e.g. first purchase" onChange={(e) => set({ name: e.target.value || undefined }, 'goal.name')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-event`}>Goal event</label>
        <input
          id={`${id}-event`}
          type="text"
          list={`${id}-events`}
          value={goal?.event ?? ''}
          readOnly={readOnly}
          placeholder="e.g. purchase"
          onChange={(e) => set({ event: e.target.value.trim() || undefined }, 'goal.event')}
        />
        <datalist id={`${id}-events`}>
          {knownEventTypes.map((t) => (
            <option key={t} value={t} label={eventLabel(t)} />
          ))}
        </datalist>
      </div>
      <ExpressionInput
        label="Goal expression (optional)"
        value={goal?.expression ?? ''}
        onChange={(v) => set({ expression: v || undefined }, 'goal.expression')}
        readOnly={readOnly}
        errorTestId="expression-error-goal"
        description="Checked whenever the customer's events arrive, e.g. Features.Purchases30d > 0."
      />
      {problems.map((p, i) => (
        <div key={i} className="field-problem" role="alert">
          {p.message}
        </div>
      ))}
    </fieldset>
  );
}
