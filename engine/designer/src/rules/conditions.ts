import type { ExpressionMember } from '../api';

/** One comparison a marketer builds from pickers: a field of the catalog, an operator for its type, a value. */
export interface ConditionLeaf {
  kind: 'condition';
  id: string;
  name?: string;
  /** What else the stored rule had (enabled: false, localParams, successEvent): saved as it was. */
  kept?: Record<string, unknown>;
  field: string;
  operator: string;
  value: string;
  /** For day counts: the value is in weeks and stored as "N * 7". */
  unit?: 'days' | 'weeks';
}

/** A condition the pickers cannot show (a param, arithmetic): kept as its expression text, edited as text. */
export interface ExpressionLeaf {
  kind: 'expression';
  id: string;
  name?: string;
  /** What else the stored rule had (enabled: false, localParams, successEvent): saved as it was. */
  kept?: Record<string, unknown>;
  text: string;
}

export type GroupMode = 'all' | 'any' | 'not';

export interface ConditionGroup {
  kind: 'group';
  id: string;
  name?: string;
  /** What else the stored rule had (enabled: false, localParams, successEvent): saved as it was. */
  kept?: Record<string, unknown>;
  mode: GroupMode;
  children: ConditionNode[];
}

export type ConditionNode = ConditionLeaf | ExpressionLeaf | ConditionGroup;

export interface OperatorChoice {
  op: string;
  label: string;
}

const numberOperators: OperatorChoice[] = [
  { op: '>=', label: 'is at least' },
  { op: '>', label: 'is more than' },
  { op: '<=', label: 'is at most' },
  { op: '<', label: 'is less than' },
  { op: '==', label: 'equals' },
  { op: '!=', label: 'does not equal' },
];
const boolOperators: OperatorChoice[] = [
  { op: 'true', label: 'is true' },
  { op: 'false', label: 'is false' },
];
const textOperators: OperatorChoice[] = [
  { op: '==', label: 'is' },
  { op: '!=', label: 'is not' },
];

export function operatorsFor(type: string | undefined): OperatorChoice[] {
  if (type === 'bool') return boolOperators;
  if (type === 'string') return textOperators;
  return numberOperators;
}

export const needsValue = (leaf: ConditionLeaf, type: string | undefined) => type !== 'bool' && leaf.operator !== 'true' && leaf.operator !== 'false';

/** The sandboxed expression a leaf stands for: "Features.DaysInactive >= 2 * 7", "Scores.RfmSegment == \"Champions\"". */
export function leafExpression(leaf: ConditionLeaf, type: string | undefined): string {
  if (type === 'bool') return leaf.operator === 'false' ? `!${leaf.field}` : leaf.field;
  if (type === 'string') return `${leaf.field} ${leaf.operator} ${JSON.stringify(leaf.value)}`;
  const value = leaf.value.trim() === '' ? '0' : leaf.value.trim();
  return `${leaf.field} ${leaf.operator} ${leaf.unit === 'weeks' ? `${value} * 7` : value}`;
}

// A profile field (Features.DaysInactive) or a session fact, with its constant arguments (Segments.DaysIn("at-risk")).
const fieldPattern = String.raw`(?:Features|Scores)\.[A-Za-z][A-Za-z0-9]*|(?:Segments|Tags|Recent|Trigger)\.[A-Za-z]+(?:\("(?:[^"\\]|\\.)*"(?:,\s*\d+)?\))?`;
const comparison = new RegExp(String.raw`^\s*(${fieldPattern})\s*(>=|<=|==|!=|>|<)\s*(.+?)\s*$`);
const flag = new RegExp(String.raw`^\s*(!?)\s*(${fieldPattern})\s*$`);
const number = /^-?\d+(?:\.\d+)?$/;
const weeks = /^(\d+(?:\.\d+)?)\s*\*\s*7$/;
const quoted = /^"((?:[^"\\]|\\.)*)"$/;

/** Reads an expression back into pickers when it is one comparison of a catalog field; otherwise keeps the text. */
export function parseCondition(text: string, id: string, members: readonly ExpressionMember[], name?: string): ConditionLeaf | ExpressionLeaf {
  const typeOf = (field: string) => members.find((m) => m.name === field)?.type;
  const asText: ExpressionLeaf = { kind: 'expression', id, name, text };
  const isFlag = flag.exec(text);
  if (isFlag && typeOf(isFlag[2]) === 'bool') {
    return { kind: 'condition', id, name, field: isFlag[2], operator: isFlag[1] ? 'false' : 'true', value: '' };
  }
  const match = comparison.exec(text);
  if (!match) return asText;
  const [, field, operator, raw] = match;
  const type = typeOf(field);
  if (type === 'bool' && (raw === 'true' || raw === 'false') && (operator === '==' || operator === '!=')) {
    const holds = (raw === 'true') === (operator === '==');
    return { kind: 'condition', id, name, field, operator: holds ? 'true' : 'false', value: '' };
  }
  if (type === 'string') {
    const literal = quoted.exec(raw);
    return literal && (operator === '==' || operator === '!=') ? { kind: 'condition', id, name, field, operator, value: JSON.parse(raw) as string } : asText;
  }
  if (type === undefined) return asText;
  const inWeeks = weeks.exec(raw);
  if (inWeeks && members.find((m) => m.name === field)?.unit === 'days') {
    return { kind: 'condition', id, name, field, operator, value: inWeeks[1], unit: 'weeks' };
  }
  return number.test(raw) ? { kind: 'condition', id, name, field, operator, value: raw, unit: unitOf(field, members) } : asText;
}

export function unitOf(field: string, members: readonly ExpressionMember[]): 'days' | undefined {
  return members.find((m) => m.name === field)?.unit === 'days' ? 'days' : undefined;
}

/** A new comparison on a field, with the first operator its type offers. */
export function newCondition(id: string, member: ExpressionMember | undefined): ConditionLeaf {
  const field = member?.name ?? 'Features.CartAdds30d';
  return {
    kind: 'condition',
    id,
    field,
    operator: operatorsFor(member?.type)[0].op,
    value: member?.type === 'string' || member?.type === 'bool' ? '' : '1',
    unit: member?.unit === 'days' ? 'days' : undefined,
  };
}
