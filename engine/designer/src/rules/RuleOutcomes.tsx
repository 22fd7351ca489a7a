import { useId, useState } from 'react';
import { ProblemList } from './ProblemList';
import type { RuleDraft } from './ruleDraft';
import { problemsAt, type PlacedProblem } from './ruleProblems';

interface OutcomesProps {
  rule: RuleDraft;
  decides: boolean;
  problems: PlacedProblem[];
  onChange: (rule: RuleDraft) => void;
}

const names = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** What a rule does when it fires: its port, decision values, a suppression, facts for other rules, tags, workflows to start. */
export function RuleOutcomes({ rule, decides, problems, onChange }: OutcomesProps) {
  const id = useId();
  const at = (field: string) => problemsAt(problems, { ruleId: rule.id, field });
  const facts = rule.assert.length + rule.requires.length + rule.unless.length + rule.start.length + rule.tag.length + ['assert', 'requires', 'unless', 'start', 'tag'].flatMap(at).length;
  const setValue = (i: number, entry: [string, string] | null) =>
    onChange({ ...rule, set: entry === null ? rule.set.filter((_, j) => j !== i) : rule.set.map((e, j) => (j === i ? entry : e)) });
  return (
    <div className="rule-outcomes" role="group" aria-label="Outcomes">
      <p className="small">
        Leaves by port <code data-testid="rule-port">{rule.name || '…'}</code> when it is the highest-priority rule that fired.
      </p>
      <div className="rule-values">
        <span className="field-label">Decision values</span>
        {rule.set.map(([name, value], i) => (
          <div className="rule-value-row" key={i}>
            <div className="field">
              <label htmlFor={`${id}-vn${i}`}>Value name</label>
              <input id={`${id}-vn${i}`} value={name} onChange={(e) => setValue(i, [e.target.value, value])} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-vv${i}`}>Value</label>
              <input id={`${id}-vv${i}`} value={value} onChange={(e) => setValue(i, [name, e.target.value])} />
            </div>
            <button type="button" className="btn btn-small" aria-label={`Remove value ${name}`} onClick={() => setValue(i, null)}>
              ✕
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => onChange({ ...rule, set: [...rule.set, ['offer', '']] })}>
          Add decision value
        </button>
        <ProblemList problems={at('set')} />
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={rule.suppress !== null} onChange={(e) => onChange({ ...rule, suppress: e.target.checked ? '' : null })} /> Suppress the
          decision (blocks every action)
        </label>
        {rule.suppress !== null && (
          <>
            <label htmlFor={`${id}-why`}>Suppression reason</label>
            <input id={`${id}-why`} value={rule.suppress} onChange={(e) => onChange({ ...rule, suppress: e.target.value })} />
          </>
        )}
        <ProblemList problems={at('suppress')} />
      </div>
      <details className="rule-facts" open={facts > 0 || undefined}>
        <summary>Derived facts, tags{decides ? ' and workflows' : ''}{facts > 0 ? ` (${facts})` : ''}</summary>
        <div className="field-row">
          <NamesField label="Assert facts" help="Derived facts other rules can require, e.g. priority-high" value={rule.assert} problems={at('assert')} onChange={(assert) => onChange({ ...rule, assert })} />
          <NamesField label="Requires facts" help="Fires only once another rule asserted these" value={rule.requires} problems={at('requires')} onChange={(requires) => onChange({ ...rule, requires })} />
          <NamesField label="Unless facts" help="Does not fire when another rule asserted these" value={rule.unless} problems={at('unless')} onChange={(unless) => onChange({ ...rule, unless })} />
          <NamesField label="Tag the customer" help="Tags kept on the customer, e.g. vip-at-risk; later rules read them (Tags)" value={rule.tag} problems={at('tag')} onChange={(tag) => onChange({ ...rule, tag })} />
          {(decides || rule.start.length > 0) && (
            <NamesField label="Start workflows" help="Workflow ids: which of the listening workflows start" value={rule.start} problems={at('start')} onChange={(start) => onChange({ ...rule, start })} />
          )}
        </div>
      </details>
    </div>
  );
}

function NamesField({ label, help, value, problems, onChange }: { label: string; help: string; value: string[]; problems: PlacedProblem[]; onChange: (names: string[]) => void }) {
  const id = useId();
  // The text as typed ("a, " mid-word); the rule gets the names in it.
  const [text, setText] = useState(value.join(', '));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          setText(e.target.value);
          onChange(names(e.target.value));
        }}
      />
      <div id={`${id}-help`} className="field-help">
        {help}
      </div>
      <ProblemList problems={problems} />
    </div>
  );
}
