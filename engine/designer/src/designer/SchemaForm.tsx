import { useId } from 'react';
import { ExpressionInput } from '../common/ExpressionInput';
import { DurationInput } from './DurationInput';
import { JsonInput, NumberInput } from './SchemaInputs';
import { parseFieldInput, singular, withField, type FieldSpec } from './schemaForm';
import { TemplatePicker } from './TemplatePicker';

interface SchemaFormProps {
  fields: FieldSpec[];
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>, field: string) => void;
  readOnly?: boolean;
  /** Server problems by field name, shown under the control. */
  problems?: Record<string, string[]>;
}

/** A form generated from an input schema: one labelled control per property. */
export function SchemaForm({ fields, value, onChange, readOnly, problems }: SchemaFormProps) {
  if (fields.length === 0) return <p className="muted small">This step has no settings.</p>;
  return (
    <div className="schema-form">
      {fields.map((field) => (
        <FieldControl
          key={field.name}
          field={field}
          value={value[field.name]}
          readOnly={readOnly}
          problems={problems?.[field.name]}
          onChange={(next) => onChange(withField(value, field.name, next), field.name)}
        />
      ))}
    </div>
  );
}

interface FieldControlProps {
  field: FieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  readOnly?: boolean;
  problems?: string[];
  /** For array items: the accessible label replaces the field's. */
  labelOverride?: string;
}

function Label({ field, text }: { field: FieldSpec; text?: string }) {
  return (
    <>
      {text ?? field.label}
      {field.required && (
        <span className="req" aria-hidden="true">
          {' '}
          *
        </span>
      )}
      {field.required && <span className="visually-hidden"> (required)</span>}
    </>
  );
}

export function FieldControl({ field, value, onChange, readOnly, problems, labelOverride }: FieldControlProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const help = (
    <>
      {field.description && (
        <div id={helpId} className="field-help">
          {field.description}
        </div>
      )}
      {problems?.map((p, i) => (
        <div key={i} className="field-problem" role="alert">
          {p}
        </div>
      ))}
    </>
  );
  const describedBy = field.description ? helpId : undefined;
  const label = labelOverride ?? field.label;

  switch (field.kind) {
    case 'expression':
      return (
        <ExpressionInput
          label={label}
          value={typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v === '' ? undefined : v)}
          required={field.required}
          description={field.description}
          placeholder={field.placeholder}
          problems={problems?.map((message) => ({ message }))}
          errorTestId={`expression-error-${field.name}`}
          readOnly={readOnly}
        />
      );
    case 'duration':
      return (
        <div className="field">
          <DurationInput id={id} label={label} value={typeof value === 'string' ? value : ''} onChange={onChange} readOnly={readOnly} describedBy={describedBy} required={field.required} />
          {help}
        </div>
      );
    case 'template':
      return (
        <div className="field">
          <TemplatePicker label={<Label field={field} text={label} />} value={typeof value === 'string' ? value : ''} onChange={onChange} readOnly={readOnly} describedBy={describedBy} />
          {help}
        </div>
      );
    case 'boolean':
      return (
        <div className="field field-check">
          <label>
            <input
              type="checkbox"
              checked={value === true}
              disabled={readOnly}
              aria-describedby={describedBy}
              onChange={(e) => onChange(e.target.checked)}
            />{' '}
            <Label field={field} text={label} />
          </label>
          {help}
        </div>
      );
    case 'enum':
      return (
        <div className="field">
          <label htmlFor={id}>
            <Label field={field} text={label} />
          </label>
          <select
            id={id}
            value={value === undefined || value === null ? '' : String(value)}
            disabled={readOnly}
            required={field.required}
            aria-describedby={describedBy}
            onChange={(e) => onChange(parseFieldInput(field, e.target.value))}
          >
            <option value="">{field.required ? 'Choose…' : '— not set —'}</option>
            {field.options?.map((o) => (
              <option key={String(o.value)} value={String(o.value)}>
                {o.label}
              </option>
            ))}
          </select>
          {help}
        </div>
      );
    case 'number':
    case 'integer':
      return (
        <div className="field">
          <label htmlFor={id}>
            <Label field={field} text={label} />
          </label>
          <NumberInput id={id} field={field} value={value} onChange={onChange} readOnly={readOnly} describedBy={describedBy} />
          {help}
        </div>
      );
    case 'object':
      return (
        <fieldset className="fieldset">
          <legend>
            <Label field={field} text={label} />
          </legend>
          {field.description && <div className="field-help">{field.description}</div>}
          <SchemaForm
            fields={field.fields ?? []}
            value={value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}}
            onChange={(v) => onChange(v)}
            readOnly={readOnly}
          />
          {problems?.map((p, i) => (
            <div key={i} className="field-problem" role="alert">
              {p}
            </div>
          ))}
        </fieldset>
      );
    case 'array':
      return <ArrayControl field={field} value={value} onChange={onChange} readOnly={readOnly} problems={problems} label={label} />;
    case 'json':
      return (
        <div className="field">
          <label htmlFor={id}>
            <Label field={field} text={label} /> <span className="muted small">(JSON)</span>
          </label>
          <JsonInput id={id} value={value} onChange={onChange} readOnly={readOnly} describedBy={describedBy} />
          {help}
        </div>
      );
    case 'text':
      return (
        <div className="field">
          <label htmlFor={id}>
            <Label field={field} text={label} />
          </label>
          <textarea
            id={id}
            rows={4}
            value={typeof value === 'string' ? value : ''}
            readOnly={readOnly}
            required={field.required}
            aria-describedby={describedBy}
            onChange={(e) => onChange(parseFieldInput(field, e.target.value))}
          />
          {help}
        </div>
      );
    default:
      return (
        <div className="field">
          <label htmlFor={id}>
            <Label field={field} text={label} />
          </label>
          <input
            id={id}
            type="text"
            value={value === undefined || value === null ? '' : String(value)}
            readOnly={readOnly}
            required={field.required}
            placeholder={field.placeholder}
            aria-describedby={describedBy}
            onChange={(e) => onChange(parseFieldInput(field, e.target.value))}
          />
          {help}
        </div>
      );
  }
}

function ArrayControl({
  field,
  value,
  onChange,
  readOnly,
  problems,
  label,
}: {
  field: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  readOnly?: boolean;
  problems?: string[];
  label: string;
}) {
  const items = Array.isArray(value) ? value : [];
  const item = field.item!;
  const one = singular(label);
  const emptyItem = () => (item.kind === 'object' ? {} : item.kind === 'boolean' ? false : undefined);
  return (
    <fieldset className="fieldset">
      <legend>
        <Label field={field} text={label} />
      </legend>
      {field.description && <div className="field-help">{field.description}</div>}
      {items.length === 0 && <p className="muted small">None yet.</p>}
      <ol className="array-items">
        {items.map((v, i) => (
          <li key={i} className="array-item">
            <FieldControl
              field={{ ...item, required: false }}
              labelOverride={`${one} ${i + 1}`}
              value={v}
              readOnly={readOnly}
              onChange={(next) => onChange(items.map((x, j) => (j === i ? next : x)))}
            />
            {!readOnly && (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={`Remove ${one.toLowerCase()} ${i + 1}`}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button type="button" className="btn btn-small" onClick={() => onChange([...items, emptyItem()])}>
          Add {one.toLowerCase()}
        </button>
      )}
      {problems?.map((p, i) => (
        <div key={i} className="field-problem" role="alert">
          {p}
        </div>
      ))}
    </fieldset>
  );
}
