import { useId } from 'react';
import type { ExpressionMember } from '../api';
import { newCondition, type ConditionGroup, type ConditionNode, type GroupMode } from './conditions';
import { ConditionRow } from './ConditionRow';
import { ProblemList } from './ProblemList';
import { nextId } from './ruleDraft';
import { problemsAt, type PlacedProblem } from './ruleProblems';

/** The server refuses nesting deeper than five levels; the top-level rule is the first. */
const maxDepth = 4;

interface GroupProps {
  group: ConditionGroup;
  depth: number;
  members: readonly ExpressionMember[];
  problems: PlacedProblem[];
  readOnly: boolean;
  onChange: (group: ConditionGroup) => void;
  onRemove?: () => void;
}

const modeLabels: Record<GroupMode, string> = { all: 'All of these hold', any: 'Any of these holds', not: 'None of these holds' };

/** All / any / none of the conditions and groups inside, nested up to the engine's limit. */
export function ConditionGroupEditor({ group, depth, members, problems, readOnly, onChange, onRemove }: GroupProps) {
  const id = useId();
  const replace = (index: number, node: ConditionNode | null) =>
    onChange({ ...group, children: node === null ? group.children.filter((_, i) => i !== index) : group.children.map((c, i) => (i === index ? node : c)) });
  const add = (node: ConditionNode) => onChange({ ...group, children: [...group.children, node] });
  return (
    <div className={`rule-group rule-group-${group.mode}`} data-testid="rule-group" role="group" aria-label={depth === 0 ? 'Conditions' : 'Condition group'}>
      <div className="rule-group-head">
        <label htmlFor={`${id}-mode`} className="visually-hidden">
          Match
        </label>
        <select id={`${id}-mode`} value={group.mode} disabled={readOnly} onChange={(e) => onChange({ ...group, mode: e.target.value as GroupMode })}>
          {(Object.keys(modeLabels) as GroupMode[]).map((m) => (
            <option key={m} value={m}>
              {modeLabels[m]}
            </option>
          ))}
        </select>
        {onRemove && !readOnly && (
          <button type="button" className="btn btn-small" onClick={onRemove}>
            Remove group
          </button>
        )}
      </div>
      <ProblemList problems={problemsAt(problems, { nodeId: group.id })} />
      <ul className="rule-group-children">
        {group.children.map((child, i) =>
          child.kind === 'group' ? (
            <li key={child.id}>
              <ConditionGroupEditor group={child} depth={depth + 1} members={members} problems={problems} readOnly={readOnly} onChange={(g) => replace(i, g)} onRemove={() => replace(i, null)} />
            </li>
          ) : (
            <ConditionRow key={child.id} leaf={child} members={members} problems={problemsAt(problems, { nodeId: child.id })} readOnly={readOnly} onChange={(l) => replace(i, l)} onRemove={() => replace(i, null)} />
          ),
        )}
      </ul>
      {group.children.length === 0 && <p className="muted small">No conditions: the rule holds when the facts it requires are there.</p>}
      {!readOnly && (
        <div className="button-row">
          <button type="button" className="btn btn-small" onClick={() => add(newCondition(nextId(), members[0]))}>
            Add condition
          </button>
          {depth < maxDepth - 1 && (
            <button type="button" className="btn btn-small" onClick={() => add({ kind: 'group', id: nextId(), mode: 'any', children: [newCondition(nextId(), members[0])] })}>
              Add group
            </button>
          )}
        </div>
      )}
    </div>
  );
}
