import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { paletteApi, type ExpressionProblem } from '../api';
import { useMembersCatalog } from './catalog';
import { insertMember, locate, suggestMembers, tokenBefore } from './expressionText';

interface ExpressionInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  description?: string;
  placeholder?: string;
  /** Problems found elsewhere (a save or preview answered 400); shown like the live ones. */
  problems?: ExpressionProblem[];
  /** data-testid of the error block. */
  errorTestId?: string;
  readOnly?: boolean;
  rows?: number;
  /** Reports the live validation result (undefined while unknown). */
  onValidity?: (valid: boolean | undefined) => void;
}

/** A profile expression editor: member names offered as you type, checked by the server as you pause. */
export function ExpressionInput(props: ExpressionInputProps) {
  const { label, value, onChange, required, description, placeholder, problems, errorTestId, readOnly, rows = 2, onValidity } = props;
  const id = useId();
  const listId = `${id}-list`;
  const helpId = `${id}-help`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const members = useMembersCatalog();
  const [caret, setCaret] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [check, setCheck] = useState<{ expression: string; valid: boolean; problems: ExpressionProblem[] } | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState(false);
  const pendingCaret = useRef<number | null>(null);

  const { token } = tokenBefore(value, caret);
  const suggestions = useMemo(() => (open ? suggestMembers(members.data ?? [], token) : []), [open, members.data, token]);

  // Debounced server validation; an answer for older text is dropped.
  useEffect(() => {
    if (readOnly) return;
    if (!value.trim()) {
      setCheck(null);
      onValidity?.(undefined);
      return;
    }
    const controller = new AbortController();
    const handle = window.setTimeout(() => {
      setChecking(true);
      paletteApi
        .validateExpression(value, controller.signal)
        .then((result) => {
          setCheck({ expression: value, valid: result.valid, problems: result.problems ?? [] });
          setCheckError(false);
          onValidity?.(result.valid);
        })
        .catch((e: unknown) => {
          if (!(e instanceof DOMException && e.name === 'AbortError')) setCheckError(true);
        })
        .finally(() => setChecking(false));
    }, 400);
    return () => {
      window.clearTimeout(handle);
      controller.abort();
    };
    // onValidity is a callback from the parent; re-validating when it changes identity is not wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, readOnly]);

  useEffect(() => {
    if (pendingCaret.current !== null && ref.current) {
      ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  function accept(name: string) {
    const next = insertMember(value, caret, name);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    setOpen(false);
    onChange(next.text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open && suggestions.length > 0) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        setActive((a) => (a + 1) % suggestions.length);
        return;
      }
      if (event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((a) => (a - 1 + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        accept(suggestions[Math.min(active, suggestions.length - 1)].name);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        return;
      }
    }
    if (event.key === ' ' && event.ctrlKey) {
      event.preventDefault();
      setOpen(true);
    }
  }

  const liveProblems = check && check.expression === value && !check.valid ? check.problems : [];
  const shown = [...(problems ?? []), ...liveProblems.filter((p) => !(problems ?? []).some((q) => q.message === p.message))];

  return (
    <div className="field expression-field">
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="req" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <div className="combo">
        <textarea
          ref={ref}
          id={id}
          className={`code-input${shown.length > 0 ? ' invalid' : ''}`}
          rows={rows}
          value={value}
          readOnly={readOnly}
          required={required}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={suggestions.length > 0 ? `${listId}-${Math.min(active, suggestions.length - 1)}` : undefined}
          aria-describedby={helpId}
          aria-invalid={shown.length > 0}
          onChange={(e) => {
            setCaret(e.target.selectionStart ?? e.target.value.length);
            setActive(0);
            setOpen(true);
            onChange(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onClick={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        />
        <ul id={listId} role="listbox" aria-label="Suggested names" className="suggestions" hidden={suggestions.length === 0}>
          {suggestions.map((m, i) => (
            <li
              key={m.name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                accept(m.name);
              }}
            >
              <code>{m.name}</code>
              <span className="muted"> {m.type}</span>
              {m.description && <div className="suggestion-desc">{m.description}</div>}
            </li>
          ))}
        </ul>
      </div>
      <div id={helpId} className="field-help">
        {description && <div>{description}</div>}
        {!readOnly && (
          <div className="muted small">
            Type a name (e.g. <code>Features.</code> or <code>Scores.</code>) for suggestions; Ctrl+Space shows them.
          </div>
        )}
      </div>
      {!readOnly && value.trim() !== '' && shown.length === 0 && (
        <div className="expr-status small" aria-live="polite">
          {checking ? (
            <span className="muted">Checking…</span>
          ) : checkError ? (
            <span className="muted">Could not check the expression right now.</span>
          ) : check && check.expression === value && check.valid ? (
            <span className="ok-text">✓ Valid expression</span>
          ) : null}
        </div>
      )}
      {shown.length > 0 && <ExpressionProblems expression={value} problems={shown} testId={errorTestId} />}
    </div>
  );
}

/** Each problem with a caret under the character it points at. */
export function ExpressionProblems({ expression, problems, testId }: { expression: string; problems: ExpressionProblem[]; testId?: string }) {
  return (
    <div className="expr-problems" role="alert" data-testid={testId}>
      {problems.map((p, i) => {
        const hasPosition = typeof p.position === 'number' && p.position >= 0;
        const where = hasPosition ? locate(expression, p.position!) : null;
        return (
          <div key={i} className="expr-problem">
            <div>
              {p.message}
              {where && (
                <span className="muted">
                  {' '}
                  (line {where.line}, column {where.column})
                </span>
              )}
            </div>
            {where && (
              <pre className="caret-view" aria-hidden="true">
                {where.lineText.slice(0, where.offsetInLine)}
                <mark>{where.lineText.charAt(where.offsetInLine) || ' '}</mark>
                {where.lineText.slice(where.offsetInLine + 1)}
                {'\n'}
                <span className="caret-line">
                  {' '.repeat(where.offsetInLine)}^
                </span>
              </pre>
            )}
          </div>
        );
      })}
    </div>
  );
}
