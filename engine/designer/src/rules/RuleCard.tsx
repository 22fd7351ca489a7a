import { useId } from 'react';
import type { ExpressionMember } from '../api';
import { ConditionGroupEditor } from './ConditionGroupEditor';
import { ProblemList } from './ProblemList';
import type { RuleDraft } from './ruleDraft';
import { problemsAt, type PlacedProblem } from './ruleProblems';
import { RuleOutcomes } from './RuleOutcomes';

interface RuleCardProps {
  rule: RuleDraft;
  position: number;
  count: number;
  decides: boolean;
  members: readonly ExpressionMember[];
  problems: PlacedProblem[];
  onChange: (rule: RuleDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}

/** One rule: its name and priority (its place in the list), the conditions as a tree, and what it does when it fires. */
export function RuleCard({ rule, position, count, decides, members, problems, onChange, onMove, onRemove, onDragStart, onDragEnd }: RuleCardProps) {
  const id = useId();
  const label = rule.name || `rule ${position + 1}`;
  return (
    <>
      <div className="rule-card-head">
        <span
          className="rule-handle"
          draggable
          data-testid="rule-handle"
          title="Drag to change the priority"
          aria-hidden="true"
          onDragStart={(e) => {
            e.dataTransfer.setData('text/plain', rule.name);
            e.dataTransfer.effectAllowed = 'move';
            onDragStart();
          }}
          onDragEnd={onDragEnd}
        >
          ⠿
        </span>
        <div className="field grow">
          <label htmlFor={`${id}-name`}>Rule name</label>
          <input id={`${id}-name`} value={rule.name} onChange={(e) => onChange({ ...rule, name: e.target.value })} />
          <ProblemList problems={[...problemsAt(problems, { ruleId: rule.id }), ...problemsAt(problems, { ruleId: rule.id, field: 'ruleName' })]} />
        </div>
        <span className="badge badge-muted" data-testid="rule-priority" title="Higher fires first and decides the port">
          priority {rule.priority}
        </span>
        <label className="rule-enabled">
          <input type="checkbox" checked={rule.enabled} onChange={(e) => onChange({ ...rule, enabled: e.target.checked })} /> Enabled
        </label>
        <div className="button-row">
          <button type="button" className="btn btn-small" aria-label={`Move ${label} up`} disabled={position === 0} onClick={() => onMove(position - 1)}>
            ↑
          </button>
          <button type="button" className="btn btn-small" aria-label={`Move ${label} down`} disabled={position === count - 1} onClick={() => onMove(position + 1)}>
            ↓
          </button>
          <button type="button" className="btn btn-small" aria-label={`Delete ${label}`} onClick={onRemove}>
            Delete
          </button>
        </div>
      </div>
      <ProblemList problems={problemsAt(problems, { ruleId: rule.id, field: 'priority' })} />
      <ConditionGroupEditor group={rule.condition} depth={0} members={members} problems={problems} readOnly={false} onChange={(condition) => onChange({ ...rule, condition })} />
      <RuleOutcomes rule={rule} decides={decides} problems={problems} onChange={onChange} />
    </>
  );
}
