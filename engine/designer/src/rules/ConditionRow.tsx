import { useId } from 'react';
import type { ExpressionMember } from '../api';
import { needsValue, newCondition, operatorsFor, type ConditionLeaf, type ExpressionLeaf } from './conditions';
import { FieldPicker } from './FieldPicker';
import { ProblemList } from './ProblemList';
import type { PlacedProblem } from './ruleProblems';

interface ConditionRowProps {
  leaf: ConditionLeaf | ExpressionLeaf;
  members: readonly ExpressionMember[];
  problems: PlacedProblem[];
  readOnly: boolean;
  onChange: (leaf: ConditionLeaf | ExpressionLeaf) => void;
  onRemove: () => void;
}

/** One comparison: field (from the catalog, with its type), an operator for that type, a value with its unit. */
export function ConditionRow({ leaf, members, problems, readOnly, onChange, onRemove }: ConditionRowProps) {
  const id = useId();
  return (
    <li className="rule-condition" data-testid="rule-condition">
      <fieldset className="rule-condition-fields" disabled={readOnly}>
        {leaf.kind === 'expression' ? (
          <div className="field grow">
            <label htmlFor={`${id}-text`}>Expression</label>
            <input id={`${id}-text`} value={leaf.text} spellCheck={false} onChange={(e) => onChange({ ...leaf, text: e.target.value })} />
          </div>
        ) : (
          <Comparison id={id} leaf={leaf} members={members} onChange={onChange} />
        )}
        {leaf.kept?.enabled === false && <span className="tag" title="Stored with enabled: false; it does not count">disabled</span>}
        <button type="button" className="btn btn-small" aria-label="Remove condition" onClick={onRemove}>
          ✕
        </button>
      </fieldset>
      <ProblemList problems={problems} />
    </li>
  );
}

function Comparison({ id, leaf, members, onChange }: { id: string; leaf: ConditionLeaf; members: readonly ExpressionMember[]; onChange: (leaf: ConditionLeaf) => void }) {
  const member = members.find((m) => m.name === leaf.field);
  const type = member?.type;
  const pick = (field: string) => {
    const next = members.find((m) => m.name === field);
    const fresh = newCondition(leaf.id, next);
    // Keep the operator and value when the new field takes them (a number for a number).
    const sameKind = operatorsFor(next?.type) === operatorsFor(type);
    onChange(sameKind ? { ...leaf, field, unit: fresh.unit } : { ...fresh, name: leaf.name });
  };
  return (
    <>
      <div className="field grow">
        <label htmlFor={`${id}-field`}>Field</label>
        <FieldPicker id={`${id}-field`} value={leaf.field} members={members} onChange={pick} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-op`}>Operator</label>
        <select id={`${id}-op`} value={leaf.operator} onChange={(e) => onChange({ ...leaf, operator: e.target.value })}>
          {operatorsFor(type).map((o) => (
            <option key={o.op} value={o.op}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {needsValue(leaf, type) && (
        <div className="field">
          <label htmlFor={`${id}-value`}>Value</label>
          <input
            id={`${id}-value`}
            className="rule-value"
            type={type === 'string' ? 'text' : 'number'}
            step={type === 'int' ? 1 : 'any'}
            value={leaf.value}
            onChange={(e) => onChange({ ...leaf, value: e.target.value })}
          />
        </div>
      )}
      {member?.unit === 'days' && (
        <div className="field">
          <label htmlFor={`${id}-unit`}>Unit</label>
          <select id={`${id}-unit`} value={leaf.unit ?? 'days'} onChange={(e) => onChange({ ...leaf, unit: e.target.value as 'days' | 'weeks' })}>
            <option value="days">days</option>
            <option value="weeks">weeks</option>
          </select>
        </div>
      )}
    </>
  );
}
