import { describe, expect, it } from 'vitest';
import { leafExpression, parseCondition } from './conditions';
import { sessionMembers, tagsIn } from './sessionMembers';

const members = sessionMembers([{ key: 'at-risk', name: 'At risk' }], ['vip-slipping']);

describe('conditions on segments, tags and recent activity', () => {
  it('reads "days in segment" back into pickers with its unit, and writes it out unchanged', () => {
    const leaf = parseCondition('Segments.DaysIn("at-risk") >= 2 * 7', 'a', members);
    expect(leaf).toMatchObject({ kind: 'condition', field: 'Segments.DaysIn("at-risk")', operator: '>=', value: '2', unit: 'weeks' });
    expect(leafExpression(leaf as never, 'double')).toBe('Segments.DaysIn("at-risk") >= 2 * 7');
  });

  it('reads membership and tags as yes / no conditions', () => {
    expect(parseCondition('!Segments.Has("at-risk")', 'b', members)).toMatchObject({ kind: 'condition', field: 'Segments.Has("at-risk")', operator: 'false' });
    expect(parseCondition('Tags.Has("vip-slipping")', 'c', members)).toMatchObject({ kind: 'condition', operator: 'true' });
    expect(parseCondition('Recent.Actions("email.send", 7) >= 2', 'd', members)).toMatchObject({ kind: 'condition', value: '2' });
  });

  it('offers the tags a rule set gives or reads, and labels each fact in words', () => {
    expect(tagsIn({ rules: [{ ruleName: 'a', tag: ['vip', 'new'] }, { ruleName: 'b', expression: 'Tags.Has("old")' }] }).sort()).toEqual(['new', 'old', 'vip']);
    expect(members.find((m) => m.name === 'Segments.Has("at-risk")')?.label).toBe('In segment “At risk”');
  });
});
