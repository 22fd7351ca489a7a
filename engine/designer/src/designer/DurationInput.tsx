import { useEffect, useState } from 'react';
import { durationUnits, parseDuration, parseWords, toIso, type DurationUnit } from './durations';

interface DurationInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (iso: string | undefined) => void;
  readOnly?: boolean;
  describedBy?: string;
  required?: boolean;
}

/**
 * A duration as a number and a unit ("1" "days"), stored as ISO 8601 (P1D). Typing words into the number ("1 day")
 * is understood too. A stored value with several parts (P1DT2H) shows as text and is kept until changed.
 */
export function DurationInput({ id, label, value, onChange, readOnly, describedBy, required }: DurationInputProps) {
  const parsed = parseDuration(value);
  const [amount, setAmount] = useState(parsed ? String(parsed.amount) : '');
  const [unit, setUnit] = useState<DurationUnit>(parsed?.unit ?? 'days');
  useEffect(() => {
    const p = parseDuration(value);
    if (p) {
      setAmount((current) => (Number(current) === p.amount ? current : String(p.amount)));
      setUnit((current) => (toIso({ amount: p.amount, unit: current }) === toIso(p) ? current : p.unit));
    }
  }, [value]);

  const changeAmount = (text: string) => {
    const words = parseWords(text);
    if (words) {
      const p = parseDuration(words)!;
      setAmount(String(p.amount));
      setUnit(p.unit);
      onChange(words);
      return;
    }
    setAmount(text);
    const n = Number(text);
    onChange(text.trim() !== '' && Number.isInteger(n) && n >= 0 ? toIso({ amount: n, unit }) : undefined);
  };

  return (
    <fieldset className="duration-input" aria-describedby={describedBy}>
      <legend>{label}</legend>
      {!parsed && value && <div className="field-help">Stored as {value}; set a number and a unit to change it.</div>}
      <div className="duration-row">
        <input
          id={id}
          aria-label={`${label}: how many`}
          inputMode="numeric"
          value={amount}
          readOnly={readOnly}
          required={required}
          onChange={(e) => changeAmount(e.target.value)}
        />
        <select
          aria-label={`${label}: unit`}
          value={unit}
          disabled={readOnly}
          onChange={(e) => {
            const next = e.target.value as DurationUnit;
            setUnit(next);
            const n = Number(amount);
            if (amount.trim() !== '' && Number.isInteger(n)) onChange(toIso({ amount: n, unit: next }));
          }}
        >
          {durationUnits.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
