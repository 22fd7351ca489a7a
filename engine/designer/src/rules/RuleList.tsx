import { useState } from 'react';
import type { ExpressionMember } from '../api';
import { newCondition } from './conditions';
import { RuleCard } from './RuleCard';
import { moveRule, nextId, type RuleDraft } from './ruleDraft';
import type { PlacedProblem } from './ruleProblems';

interface RuleListProps {
  rules: RuleDraft[];
  decides: boolean;
  members: readonly ExpressionMember[];
  problems: PlacedProblem[];
  onChange: (rules: RuleDraft[]) => void;
}

/** The rules in priority order, highest first: drag a rule by its handle (or use its arrows) to change its priority. */
export function RuleList({ rules, decides, members, problems, onChange }: RuleListProps) {
  const [over, setOver] = useState<number | null>(null);
  // Which rule is being dragged: kept here, not in the drag data, which a page may only read on drop.
  const [dragging, setDragging] = useState<number | null>(null);
  const addRule = () => {
    const name = `rule-${rules.length + 1}`;
    const rule: RuleDraft = {
      id: nextId('r'),
      name,
      enabled: true,
      priority: 0,
      condition: { kind: 'group', id: nextId(), mode: 'all', children: [newCondition(nextId(), members[0])] },
      requires: [],
      unless: [],
      assert: [],
      set: [],
      suppress: null,
      start: [],
      tag: [],
      kept: {},
    };
    // A new rule goes last, below every other priority.
    const lowest = rules.reduce((min, r) => Math.min(min, r.priority), 10);
    onChange([...rules, { ...rule, priority: rules.length === 0 ? 0 : lowest - 10 }]);
  };
  return (
    <>
      <ol className="rule-list" data-testid="rule-list">
        {rules.map((rule, i) => (
          <li
            key={rule.id}
            className={over === i ? 'card rule-card drop-target' : 'card rule-card'}
            data-testid={`rule-${i}`}
            aria-label={`Rule ${rule.name || i + 1}`}
            onDragOver={(e) => {
              if (dragging === null) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              setOver(i);
            }}
            onDragLeave={() => setOver((o) => (o === i ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              setOver(null);
              setDragging(null);
              if (dragging !== null) onChange(moveRule(rules, dragging, i));
            }}
          >
            <RuleCard
              rule={rule}
              position={i}
              count={rules.length}
              decides={decides}
              members={members}
              problems={problems}
              onChange={(r) => onChange(rules.map((x) => (x.id === r.id ? r : x)))}
              onMove={(to) => onChange(moveRule(rules, i, to))}
              onRemove={() => onChange(rules.filter((x) => x.id !== rule.id))}
              onDragStart={() => setDragging(i)}
              onDragEnd={() => {
                setDragging(null);
                setOver(null);
              }}
            />
          </li>
        ))}
      </ol>
      <button type="button" className="btn" onClick={addRule}>
        Add rule
      </button>
    </>
  );
}
