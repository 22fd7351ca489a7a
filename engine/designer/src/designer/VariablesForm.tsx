import { useId } from 'react';
import type { ValidationProblem, VariableDefinition } from '../api';

interface VariablesFormProps {
  variables: VariableDefinition[];
  problems: ValidationProblem[];
  readOnly: boolean;
  onChange: (variables: VariableDefinition[], field: string) => void;
}

/** Reads a starting value as a number or flag when it looks like one, else as text; empty means none. */
export function parseStartingValue(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (t === 'true' || t === 'false') return t === 'true';
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

/** The workflow's declared variables, with their starting values. */
export function VariablesForm({ variables, problems, readOnly, onChange }: VariablesFormProps) {
  const id = useId();
  const replace = (index: number, next: VariableDefinition) => onChange(variables.map((v, i) => (i === index ? next : v)), `variables.${index}`);
  return (
    <fieldset className="fieldset" data-testid="variables-form">
      <legend>Variables</legend>
      <p className="muted small">Set by “Set variable” steps; read in expressions as Variables.Number(&quot;name&quot;) or Variables.Text(&quot;name&quot;).</p>
      {variables.map((v, i) => (
        <div key={i} className="field-row">
          <label htmlFor={`${id}-name-${i}`}>Variable name</label>
          <input id={`${id}-name-${i}`} type="text" className="code-input" value={v.name} readOnly={readOnly} onChange={(e) => replace(i, { ...v, name: e.target.value.trim() })} />
          <label htmlFor={`${id}-value-${i}`}>Starting value</label>
          <input
            id={`${id}-value-${i}`}
            type="text"
            value={v.value === undefined || v.value === null ? '' : String(v.value)}
            readOnly={readOnly}
            onChange={(e) => replace(i, { name: v.name, value: parseStartingValue(e.target.value) })}
          />
          {!readOnly && (
            <button type="button" className="btn btn-small btn-ghost" aria-label={`Remove variable ${v.name}`} onClick={() => onChange(variables.filter((_, j) => j !== i), 'variables')}>
              Remove
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" className="btn btn-small" onClick={() => onChange([...variables, { name: '' }], 'variables')}>
          Add variable
        </button>
      )}
      {problems.map((p, i) => (
        <div key={i} className="field-problem" role="alert">
          {p.message}
        </div>
      ))}
    </fieldset>
  );
}
