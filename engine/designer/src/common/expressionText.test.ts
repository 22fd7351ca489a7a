import { describe, expect, it } from 'vitest';
import { insertMember, locate, suggestMembers, tokenBefore } from './expressionText';

const members = [
  { name: 'Features.PricingViews7d', type: 'int' },
  { name: 'Features.PageViews7d', type: 'int' },
  { name: 'Features.Purchases', type: 'int' },
  { name: 'Scores.ChurnRisk', type: 'double' },
];

describe('expression editing', () => {
  it('finds the identifier being typed', () => {
    expect(tokenBefore('Scores.ChurnRisk > 0.5 && Features.Pri', 38)).toEqual({ token: 'Features.Pri', start: 26 });
    expect(tokenBefore('a >= ', 5)).toEqual({ token: '', start: 5 });
  });

  it('suggests members by prefix, then by the last part of the name', () => {
    expect(suggestMembers(members, 'Features.P').map((m) => m.name)).toEqual([
      'Features.PageViews7d',
      'Features.PricingViews7d',
      'Features.Purchases',
    ]);
    expect(suggestMembers(members, 'churn').map((m) => m.name)).toEqual(['Scores.ChurnRisk']);
    expect(suggestMembers(members, '')).toEqual([]);
  });

  it('inserts a member in place of the typed token', () => {
    expect(insertMember('x && Features.Pri >= 2', 16, 'Features.PricingViews7d')).toEqual({
      text: 'x && Features.PricingViews7d >= 2',
      caret: 28,
    });
  });

  it('locates a position on its line for the error marker', () => {
    expect(locate('Features.Purchases >= ', 22)).toMatchObject({ line: 1, column: 23, offsetInLine: 22 });
    expect(locate('a > 1\n&& b <', 9)).toEqual({ line: 2, column: 4, lineText: '&& b <', offsetInLine: 3 });
    expect(locate('abc', 99).offsetInLine).toBe(3);
  });
});
