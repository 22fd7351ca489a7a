import { useEffect, useId, useState } from 'react';
import type { ActivityDefinition, ConnectionDefinition, ReentryDefinition, TriggerDefinition, ValidationProblem } from '../api';
import { formatMoney } from '../common/format';
import { portsFor, type WorkflowMeta } from './model';
import { actionTypeOf, descriptorFor, type PaletteIndex } from './palette';
import { GoalForm } from './GoalForm';
import { fieldProblems, withMissingRequired } from './problems';
import { SchemaForm } from './SchemaForm';
import { missingRequired, schemaToFields } from './schemaForm';
import { describeTrigger, reentryPolicies } from './triggers';
import { VariablesForm } from './VariablesForm';

interface ActivityPropertiesProps {
  activity: ActivityDefinition;
  palette: PaletteIndex;
  activityIds: string[];
  connections: ConnectionDefinition[];
  problems: ValidationProblem[];
  readOnly: boolean;
  onChange: (activity: ActivityDefinition, coalesceKey: string) => void;
  onRename: (newId: string) => string | null;
  onConnect: (port: string, target: string | null) => void;
  onDelete: () => void;
}

export function ActivityProperties(props: ActivityPropertiesProps) {
  const { activity, palette, activityIds, connections, problems, readOnly, onChange, onRename, onConnect, onDelete } = props;
  const id = useId();
  const descriptor = descriptorFor(activity, palette);
  const action = actionTypeOf(activity);
  const isAction = activity.type === 'action';
  const builtInAction = palette.activities.get('action');
  const ports = portsFor(activity, palette, connections);
  const own = problems.filter((p) => p.activityId === activity.id);
  const key = (field: string) => `${activity.id}:${field}`;

  const settingsFields = isAction
    ? schemaToFields(builtInAction?.inputSchema, ['id', 'type', 'displayName', 'action', 'input'])
    : schemaToFields(descriptor?.inputSchema, ['id', 'type', 'displayName']);
  const inputFields = isAction && action ? schemaToFields(palette.actions.get(action)?.inputSchema) : [];
  const input = activity.input && typeof activity.input === 'object' && !Array.isArray(activity.input) ? (activity.input as Record<string, unknown>) : {};
  const missing = [...missingRequired(settingsFields, activity), ...missingRequired(inputFields, input)];

  return (
    <div className="props-section">
      <h2>{descriptor?.displayName ?? activity.type}</h2>
      {descriptor?.description && <p className="muted small">{descriptor.description}</p>}
      {descriptor?.budgetAffecting && (
        <p className="note small">Spends budget (about {formatMoney(descriptor.estimatedCost)} each): approvers may be asked before it runs.</p>
      )}
      {own.length > 0 && (
        <ul className="problem-list" role="alert" aria-label="Problems with this step">
          {own.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}

      <IdField id={`${id}-id`} value={activity.id} readOnly={readOnly} onRename={onRename} />
      <div className="field">
        <label htmlFor={`${id}-name`}>Display name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={activity.displayName ?? ''}
          readOnly={readOnly}
          placeholder={descriptor?.displayName}
          onChange={(e) => onChange({ ...activity, displayName: e.target.value || undefined }, key('displayName'))}
        />
      </div>

      {isAction && (
        <div className="field">
          <label htmlFor={`${id}-action`}>
            Action type<span className="req" aria-hidden="true"> *</span>
          </label>
          <select
            id={`${id}-action`}
            value={action ?? ''}
            disabled={readOnly}
            required
            onChange={(e) => onChange({ ...activity, action: e.target.value, input: {} }, key('action'))}
          >
            <option value="">Choose an action…</option>
            {[...palette.actions.values()].map((d) => (
              <option key={d.type} value={d.type}>
                {d.displayName} ({d.type})
              </option>
            ))}
            {action && !palette.actions.has(action) && <option value={action}>{action} (not loaded)</option>}
          </select>
        </div>
      )}

      {settingsFields.length > 0 && (
        <SchemaForm
          fields={settingsFields}
          value={activity}
          readOnly={readOnly}
          problems={withMissingRequired(settingsFields, activity, fieldProblems(problems, activity.id))}
          onChange={(next, field) => onChange({ ...(next as ActivityDefinition), id: activity.id, type: activity.type }, key(field))}
        />
      )}
      {!descriptor && !isAction && <p className="muted small">The palette does not describe “{activity.type}”; its settings are kept as they are.</p>}

      {isAction && action && (
        <fieldset className="fieldset">
          <legend>Input for {palette.actions.get(action)?.displayName ?? action}</legend>
          <SchemaForm
            fields={inputFields}
            value={input}
            readOnly={readOnly}
            problems={withMissingRequired(inputFields, input, fieldProblems(problems, activity.id, 'input'))}
            onChange={(next, field) => onChange({ ...activity, input: next }, key(`input.${field}`))}
          />
        </fieldset>
      )}

      {missing.length > 0 && !readOnly && <p className="note small">Still to fill in: {missing.join(', ')}.</p>}

      {ports.length > 0 && (
        <fieldset className="fieldset">
          <legend>Next steps</legend>
          {ports.map((port) => {
            const current = connections.find((c) => c.from === activity.id && c.port === port)?.to ?? '';
            return (
              <div className="field field-inline" key={port}>
                <label htmlFor={`${id}-port-${port}`}>
                  When <strong>{port}</strong>
                </label>
                <select id={`${id}-port-${port}`} value={current} disabled={readOnly} onChange={(e) => onConnect(port, e.target.value || null)}>
                  <option value="">— stop here —</option>
                  {activityIds
                    .filter((other) => other !== activity.id)
                    .map((other) => (
                      <option key={other} value={other}>
                        {other}
                      </option>
                    ))}
                </select>
              </div>
            );
          })}
        </fieldset>
      )}

      {!readOnly && (
        <button type="button" className="btn btn-danger btn-small" onClick={onDelete}>
          Delete step
        </button>
      )}
    </div>
  );
}

/** The id is renamed when you leave the box or press Enter, so connections follow in one step. */
function IdField({ id, value, readOnly, onRename }: { id: string; value: string; readOnly: boolean; onRename: (v: string) => string | null }) {
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(value);
    setError(null);
  }, [value]);
  const commit = () => {
    const next = text.trim();
    if (next === value) return;
    const problem = onRename(next);
    setError(problem);
    if (problem) setText(value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        Activity id<span className="req" aria-hidden="true"> *</span>
      </label>
      <input
        id={id}
        type="text"
        className="code-input"
        value={text}
        readOnly={readOnly}
        required
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
      {error && (
        <div className="field-problem" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

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

