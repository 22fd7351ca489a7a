import { describe, expect, it } from 'vitest';
import type { ExpressionMember, RuleSetDocument } from '../api';
import { leafExpression, parseCondition, type ConditionLeaf } from './conditions';
import { fromDocument, moveRule, toDocument } from './ruleDraft';
import { placeProblems } from './ruleProblems';

const members: ExpressionMember[] = [
  { name: 'Features.CartAdds30d', type: 'int' },
  { name: 'Features.DaysInactive', type: 'int', unit: 'days' },
  { name: 'Features.HasEmail', type: 'bool' },
  { name: 'Scores.ChurnRisk', type: 'double' },
  { name: 'Scores.RfmSegment', type: 'string' },
];

const shipped: RuleSetDocument = {
  globalParams: [{ name: 'browsing', expression: 'Features.ProductViews30d + Features.PageViews30d' }],
  rules: [
    {
      ruleName: 'ready-to-buy',
      operator: 'OrElse',
      rules: [
        { ruleName: 'cart', expression: 'Features.CartAdds30d >= 1' },
        { ruleName: 'lapsed', operator: 'Not', rules: [{ ruleName: 'recent', expression: 'Features.DaysInactive < 2 * 7' }] },
        { ruleName: 'off', expression: 'Features.HasEmail', enabled: false, successEvent: 'x' },
      ],
      actions: { onSuccess: { name: 'OutputExpression', context: { expression: '"cart"' } } },
    },
    { ruleName: 'browsing', expression: 'browsing >= 3' },
    { ruleName: 'call-them', requires: ['priority-high'], priority: 10, set: { channel: 'phone' } },
  ],
};

describe('rule set draft', () => {
  it('reads a stored rule set into trees of pickers and writes the same rules back, disabled conditions too', () => {
    const draft = fromDocument(shipped, members);
    expect(draft.rules.map((r) => r.name)).toEqual(['call-them', 'ready-to-buy', 'browsing']);
    const ready = draft.rules[1];
    expect(ready.condition.mode).toBe('any');
    expect(ready.condition.children[0]).toMatchObject({ kind: 'condition', field: 'Features.CartAdds30d', operator: '>=', value: '1' });
    expect(ready.condition.children[1]).toMatchObject({ kind: 'group', mode: 'not', children: [{ kind: 'condition', value: '2', unit: 'weeks' }] });
    expect(draft.rules[2].condition.children[0]).toMatchObject({ kind: 'expression', text: 'browsing >= 3' });

    const { document } = toDocument(draft, members);
    const byName = Object.fromEntries(document.rules.map((r) => [r.ruleName, r]));
    expect(byName['ready-to-buy']).toMatchObject({
      operator: 'Or',
      rules: [
        { ruleName: 'cart', expression: 'Features.CartAdds30d >= 1' },
        { ruleName: 'lapsed', operator: 'Not', rules: [{ ruleName: 'recent', expression: 'Features.DaysInactive < 2 * 7' }] },
        { ruleName: 'off', expression: 'Features.HasEmail', enabled: false, successEvent: 'x' },
      ],
      actions: { onSuccess: { name: 'OutputExpression', context: { expression: '"cart"' } } },
    });
    expect(byName.browsing).toEqual({ ruleName: 'browsing', expression: 'browsing >= 3' });
    expect(byName['call-them']).toEqual({ ruleName: 'call-them', requires: ['priority-high'], priority: 10, set: { channel: 'phone' } });
    expect(document.globalParams).toEqual(shipped.globalParams);
  });

  it('writes each picker comparison as the expression a marketer would type', () => {
    const leaf = (field: string, operator: string, value: string, unit?: 'days' | 'weeks'): ConditionLeaf => ({ kind: 'condition', id: 'x', field, operator, value, unit });
    expect(leafExpression(leaf('Features.HasEmail', 'false', ''), 'bool')).toBe('!Features.HasEmail');
    expect(leafExpression(leaf('Scores.RfmSegment', '==', 'At "risk"'), 'string')).toBe('Scores.RfmSegment == "At \\"risk\\""');
    expect(leafExpression(leaf('Features.DaysInactive', '>=', '3', 'weeks'), 'int')).toBe('Features.DaysInactive >= 3 * 7');
    expect(parseCondition('Scores.RfmSegment == "Champions"', 'y', members)).toMatchObject({ kind: 'condition', value: 'Champions' });
    expect(parseCondition('Features.HasEmail == false', 'y', members)).toMatchObject({ kind: 'condition', operator: 'false' });
    expect(parseCondition('Features.CartAdds30d >= Features.DaysInactive', 'y', members)).toMatchObject({ kind: 'expression' });
  });

  it('gives priorities in the dragged order, highest first', () => {
    const draft = fromDocument(shipped, members);
    const moved = moveRule(draft.rules, 2, 0);
    expect(moved.map((r) => [r.name, r.priority])).toEqual([['browsing', 30], ['call-them', 20], ['ready-to-buy', 10]]);
  });

  it('places the server problems on the condition, the outcome or the rule their path names', () => {
    const draft = fromDocument(shipped, members);
    const { places } = toDocument(draft, members);
    const [leafProblem, setProblem, general] = placeProblems(
      [
        { field: 'rules.rules[1].rules[1].rules[0].expression', message: 'no such member' },
        { field: 'rules.rules[0].set.channel', message: 'bad value' },
        { field: 'rules', message: 'two rules are named x' },
      ],
      places,
    );
    const lapsed = draft.rules[1].condition.children[1];
    expect(lapsed.kind === 'group' && leafProblem.place?.nodeId === lapsed.children[0].id).toBe(true);
    expect(setProblem.place).toEqual({ ruleId: draft.rules[0].id, field: 'set' });
    expect(general.place).toBeNull();
  });
});
