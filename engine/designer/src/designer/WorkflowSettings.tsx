import { useId } from 'react';
import type { ReentryDefinition, TriggerDefinition, ValidationProblem } from '../api';
import { GoalForm } from './GoalForm';
import type { WorkflowMeta } from './model';
import { describeTrigger, reentryPolicies } from './triggers';
import { VariablesForm } from './VariablesForm';

interface WorkflowSettingsProps {
  meta: WorkflowMeta;
  isNew: boolean;
  trigger: TriggerDefinition | null;
  segmentName: (key: string) => string | undefined;
  problems: ValidationProblem[];
  readOnly: boolean;
  onChange: (meta: WorkflowMeta, coalesceKey: string) => void;
  onIdEdited: () => void;
  onSelectTrigger: () => void;
}

export function WorkflowSettings({ meta, isNew, trigger, segmentName, problems, readOnly, onChange, onIdEdited, onSelectTrigger }: WorkflowSettingsProps) {
  const id = useId();
  const fieldProblem = (name: string) => problems.filter((p) => !p.activityId && p.field?.split(/[.[]/)[0] === name);
  const setReentry = (reentry: ReentryDefinition) => onChange({ ...meta, reentry }, 'reentry');
  return (
    <div className="props-section">
      <h2>Workflow</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>
          Name<span className="req" aria-hidden="true"> *</span>
        </label>
        <input id={`${id}-name`} type="text" value={meta.name} readOnly={readOnly} required onChange={(e) => onChange({ ...meta, name: e.target.value }, 'name')} />
        <FieldProblems problems={fieldProblem('name')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-id`}>
          Workflow id<span className="req" aria-hidden="true"> *</span>
        </label>
        <input
          id={`${id}-id`}
          type="text"
          className="code-input"
          value={meta.id}
          readOnly={readOnly || !isNew}
          required
          spellCheck={false}
          aria-describedby={`${id}-id-help`}
          onChange={(e) => {
            onIdEdited();
            onChange({ ...meta, id: e.target.value.trim() }, 'id');
          }}
        />
        <div id={`${id}-id-help`} className="field-help">
          {isNew ? 'Used in links and the API; it cannot change after the first save.' : 'Fixed after the first save.'}
        </div>
        <FieldProblems problems={fieldProblem('id')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>Description</label>
        <textarea id={`${id}-desc`} rows={2} value={meta.description} readOnly={readOnly} onChange={(e) => onChange({ ...meta, description: e.target.value }, 'description')} />
      </div>

      <fieldset className="fieldset">
        <legend>Re-entry</legend>
        <div className="field">
          <label htmlFor={`${id}-policy`}>Can a customer go through again?</label>
          <select
            id={`${id}-policy`}
            value={meta.reentry.policy}
            disabled={readOnly}
            onChange={(e) => setReentry(e.target.value === 'oncePer' ? { policy: 'oncePer', days: meta.reentry.days ?? 30 } : { policy: e.target.value })}
          >
            {reentryPolicies.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {meta.reentry.policy === 'oncePer' && (
          <div className="field">
            <label htmlFor={`${id}-days`}>Days between entries</label>
            <input
              id={`${id}-days`}
              type="number"
              min={1}
              step={1}
              value={meta.reentry.days ?? ''}
              readOnly={readOnly}
              onChange={(e) => setReentry({ policy: 'oncePer', days: e.target.value === '' ? null : Math.max(1, Math.trunc(Number(e.target.value))) })}
            />
          </div>
        )}
        <FieldProblems problems={fieldProblem('reentry')} />
      </fieldset>
      <VariablesForm variables={meta.variables ?? []} problems={fieldProblem('variables')} readOnly={readOnly} onChange={(variables, key) => onChange({ ...meta, variables }, key)} />
      <GoalForm goal={meta.goal} problems={fieldProblem('goal')} readOnly={readOnly} onChange={(goal, key) => onChange({ ...meta, goal }, key)} />

      <div className="field">
        <span className="field-label">Trigger</span>
        <p className="trigger-summary">{describeTrigger(trigger, segmentName)}</p>
        <button type="button" className="btn btn-small" onClick={onSelectTrigger}>
          {readOnly ? 'Show trigger' : 'Edit trigger'}
        </button>
      </div>
      <p className="muted small">
        Select a step on the canvas to edit it. Drag from a labelled port at the bottom of a step to the next step; press Delete to remove what is selected.
      </p>
    </div>
  );
}

function FieldProblems({ problems }: { problems: ValidationProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <>
      {problems.map((p, i) => (
        <div key={i} className="field-problem" role="alert">
          {p.message}
        </div>
      ))}
    </>
  );
}

