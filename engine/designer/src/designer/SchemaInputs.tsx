import { useEffect, useState } from 'react';
import { parseFieldInput, type FieldSpec } from './schemaForm';

/** A number box that lets "0." or "-" stand while typing; stores a number once it parses. */
export function NumberInput({
  id,
  field,
  value,
  onChange,
  readOnly,
  describedBy,
}: {
  id: string;
  field: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  readOnly?: boolean;
  describedBy?: string;
}) {
  const external = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(external);
  useEffect(() => {
    setText((current) => (String(parseFieldInput(field, current) ?? '') === external ? current : external));
  }, [external, field]);
  return (
    <input
      id={id}
      type="text"
      inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'}
      value={text}
      readOnly={readOnly}
      required={field.required}
      aria-describedby={describedBy}
      aria-invalid={text.trim() !== '' && Number.isNaN(Number(text))}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseFieldInput(field, e.target.value);
        if (typeof parsed === 'number' || parsed === undefined) onChange(parsed);
      }}
    />
  );
}

export function JsonInput({ id, value, onChange, readOnly, describedBy }: { id: string; value: unknown; onChange: (v: unknown) => void; readOnly?: boolean; describedBy?: string }) {
  const external = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [text, setText] = useState(external);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(current.trim() ? JSON.parse(current) : undefined) === JSON.stringify(value) ? current : external;
      } catch {
        return current;
      }
    });
  }, [external, value]);
  return (
    <>
      <textarea
        id={id}
        className="code-input"
        rows={4}
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        aria-describedby={describedBy}
        aria-invalid={!!error}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setError(null);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setError(null);
          } catch (err) {
            setError(err instanceof Error ? err.message : 'Not valid JSON');
          }
        }}
      />
      {error && <div className="field-problem">Not valid JSON yet: {error}</div>}
    </>
  );
}
