import { useEffect, useId, useState } from 'react';
import type { ActivityDefinition, ConnectionDefinition, ValidationProblem } from '../api';
import { Combobox, type ComboboxOption } from '../common/Combobox';
import { formatMoney } from '../common/format';
import { isRarePort } from './insertion';
import { portsFor } from './model';
import { actionTypeOf, descriptorFor, type PaletteIndex } from './palette';
import { fieldProblems, withMissingRequired } from './problems';
import { SchemaForm } from './SchemaForm';
import { missingRequired, schemaToFields } from './schemaForm';
import { portPhrase, stepLine } from './stepWords';

interface ActivityPropertiesProps {
  activity: ActivityDefinition;
  palette: PaletteIndex;
  activityIds: string[];
  connections: ConnectionDefinition[];
  /** A step's name as its card shows it. */
  stepName: (id: string) => string;
  /** Shows the id, the internal action type and the rarely used ports. */
  advanced: boolean;
  problems: ValidationProblem[];
  readOnly: boolean;
  onChange: (activity: ActivityDefinition, coalesceKey: string) => void;
  onRename: (newId: string) => string | null;
  onConnect: (port: string, target: string | null) => void;
  onDelete: () => void;
}

export function ActivityProperties(props: ActivityPropertiesProps) {
  const { activity, palette, activityIds, connections, stepName, advanced, problems, readOnly, onChange, onRename, onConnect, onDelete } = props;
  const id = useId();
  const descriptor = descriptorFor(activity, palette);
  const action = actionTypeOf(activity);
  const isAction = activity.type === 'action';
  const builtInAction = palette.activities.get('action');
  // The simple view leaves out rarely used ports, unless a connection already leaves from one.
  const ports = portsFor(activity, palette, connections).filter(
    (p) => advanced || !isRarePort(p, activity.type) || connections.some((c) => c.from === activity.id && c.port === p),
  );
  const others = activityIds.filter((other) => other !== activity.id);
  const optionLabel = stepOptionLabel(others, stepName, advanced);
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

      {advanced && <IdField id={`${id}-id`} value={activity.id} readOnly={readOnly} onRename={onRename} />}
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
          <Combobox
            label={
              <>
                Action<span className="req" aria-hidden="true"> *</span>
              </>
            }
            options={actionOptions(palette, action, advanced)}
            value={action ?? ''}
            onChange={(next) => onChange({ ...activity, action: next, input: {} }, key('action'))}
            placeholder="Search actions…"
            noMatch={(typed) => `No action is called “${typed}”.`}
            readOnly={readOnly}
            required
          />
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
                <label htmlFor={`${id}-port-${port}`}>{portPhrase(port, advanced)}</label>
                <select id={`${id}-port-${port}`} value={current} disabled={readOnly} onChange={(e) => onConnect(port, e.target.value || null)}>
                  <option value="">— stop here —</option>
                  {others.map((other) => (
                    <option key={other} value={other}>
                      {optionLabel(other)}
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

/** Steps by the name on their card; the id is added where two share a name, or in the advanced view. */
function stepOptionLabel(ids: string[], stepName: (id: string) => string, advanced: boolean) {
  const names = ids.map(stepName);
  return (id: string) => {
    const name = stepName(id);
    return advanced || names.filter((n) => n === name).length > 1 ? `${name} (${id})` : name;
  };
}

/** The connectors' actions by name and what they do; the advanced view adds the internal type ("email.send"). */
function actionOptions(palette: PaletteIndex, current: string | undefined, advanced: boolean): ComboboxOption[] {
  const options: ComboboxOption[] = [...palette.actions.values()].map((d) => ({
    value: d.type,
    label: advanced ? `${d.displayName} (${d.type})` : d.displayName,
    detail: stepLine(d),
    keywords: [d.type],
  }));
  if (current && !palette.actions.has(current)) options.push({ value: current, label: `${current} (not loaded)` });
  return options;
}
