import type { ExpressionMember, RuleDocument, RuleSetDocument, TriggerBinding } from '../api';
import { leafExpression, parseCondition, type ConditionGroup, type ConditionNode, type GroupMode } from './conditions';

/** One top-level rule as the editor holds it: conditions as a tree, outcomes as fields. */
export interface RuleDraft {
  id: string;
  name: string;
  enabled: boolean;
  priority: number;
  condition: ConditionGroup;
  requires: string[];
  unless: string[];
  assert: string[];
  set: [string, string][];
  suppress: string | null;
  start: string[];
  tag: string[];
  /** localParams, actions (the output), successEvent, errorMessage: not edited here, saved as they were. */
  kept: Record<string, unknown>;
}

export interface RuleSetDraft {
  rules: RuleDraft[];
  decides: TriggerBinding | null;
  /** Global params are not edited visually; they stay as they were (conditions that name them show as text). */
  globalParams: { name: string; expression: string }[];
}

/** Where a path of the saved document points in the editor: a rule, a node of its conditions, or an outcome field. */
export interface Place {
  ruleId?: string;
  nodeId?: string;
  field?: string;
}

let counter = 0;
export const nextId = (prefix = 'n') => `${prefix}${++counter}`;

const modes: Record<string, GroupMode> = { And: 'all', AndAlso: 'all', Or: 'any', OrElse: 'any', Not: 'not' };
const operators: Record<GroupMode, string> = { all: 'And', any: 'Or', not: 'Not' };
const outcomeKeys = ['ruleName', 'expression', 'operator', 'rules', 'enabled', 'priority', 'requires', 'unless', 'assert', 'set', 'start', 'tag', 'suppress'];

/** Stored JSON may be camelCase or PascalCase (RulesEngine's own files were); read either. */
function read<T>(doc: Record<string, unknown>, name: string): T | undefined {
  return (doc[name] ?? doc[name[0].toUpperCase() + name.slice(1)]) as T | undefined;
}

const conditionKeys = ['ruleName', 'expression', 'operator', 'rules'];

/** The fields of a stored rule the editor does not edit, so they are saved back unchanged. */
const keptOf = (doc: RuleDocument, edited: string[]) => {
  const kept = Object.fromEntries(Object.entries(doc).filter(([k]) => !edited.includes(k[0].toLowerCase() + k.slice(1))));
  return Object.keys(kept).length > 0 ? kept : undefined;
};

function nodeFrom(doc: RuleDocument, members: readonly ExpressionMember[]): ConditionNode {
  const nested = read<RuleDocument[]>(doc, 'rules');
  const name = read<string>(doc, 'ruleName');
  const kept = keptOf(doc, conditionKeys);
  if (nested && nested.length > 0) {
    const mode = modes[read<string>(doc, 'operator') ?? 'And'] ?? 'all';
    return { kind: 'group', id: nextId(), name, mode, children: nested.map((n) => nodeFrom(n, members)), kept };
  }
  return { ...parseCondition(read<string>(doc, 'expression') ?? '', nextId(), members, name), kept };
}

function ruleFrom(doc: RuleDocument, members: readonly ExpressionMember[]): RuleDraft {
  const node = nodeFrom(doc, members);
  const empty = node.kind === 'expression' && node.text.trim() === '';
  // The rule's own extras (params, output) are the rule's, not its condition's.
  const condition: ConditionGroup =
    node.kind === 'group' ? { ...node, name: undefined, kept: undefined } : { kind: 'group', id: nextId(), mode: 'all', children: empty ? [] : [{ ...node, name: undefined, kept: undefined }] };
  const kept = keptOf(doc, outcomeKeys) ?? {};
  return {
    id: nextId('r'),
    name: read<string>(doc, 'ruleName') ?? '',
    enabled: read<boolean>(doc, 'enabled') ?? true,
    priority: read<number>(doc, 'priority') ?? 0,
    condition,
    requires: read<string[]>(doc, 'requires') ?? [],
    unless: read<string[]>(doc, 'unless') ?? [],
    assert: read<string[]>(doc, 'assert') ?? [],
    set: Object.entries(read<Record<string, string>>(doc, 'set') ?? {}),
    suppress: read<string>(doc, 'suppress') ?? null,
    start: read<string[]>(doc, 'start') ?? [],
    tag: read<string[]>(doc, 'tag') ?? [],
    kept,
  };
}

/** The stored document as the editor shows it: rules in priority order (highest first; ties keep their order). */
export function fromDocument(doc: RuleSetDocument | undefined, members: readonly ExpressionMember[]): RuleSetDraft {
  const raw = doc as unknown as Record<string, unknown> | undefined;
  const rules = (raw ? read<RuleDocument[]>(raw, 'rules') ?? [] : []).map((r) => ruleFrom(r, members));
  const ordered = rules.map((r, i) => ({ r, i })).sort((a, b) => b.r.priority - a.r.priority || a.i - b.i).map((x) => x.r);
  return {
    rules: ordered,
    decides: raw ? read<TriggerBinding>(raw, 'decides') ?? null : null,
    globalParams: raw ? read<RuleSetDraft['globalParams']>(raw, 'globalParams') ?? [] : [],
  };
}

const typeOf = (members: readonly ExpressionMember[], field: string) => members.find((m) => m.name === field)?.type;

function nodeDocument(node: ConditionNode, path: string, fallbackName: string, members: readonly ExpressionMember[], places: Map<string, Place>, ruleId: string): RuleDocument {
  places.set(path, { ruleId, nodeId: node.id });
  const ruleName = node.name || fallbackName;
  if (node.kind === 'group') {
    return {
      ...node.kept,
      ruleName,
      operator: operators[node.mode],
      rules: node.children.map((c, j) => nodeDocument(c, `${path}.rules[${j}]`, `${fallbackName}-${j + 1}`, members, places, ruleId)),
    };
  }
  return { ...node.kept, ruleName, expression: node.kind === 'expression' ? node.text : leafExpression(node, typeOf(members, node.field)) };
}

function ruleDocument(rule: RuleDraft, i: number, members: readonly ExpressionMember[], places: Map<string, Place>): RuleDocument {
  const at = `rules[${i}]`;
  places.set(at, { ruleId: rule.id });
  for (const field of ['ruleName', 'priority', 'requires', 'unless', 'assert', 'set', 'suppress', 'start', 'tag']) places.set(`${at}.${field}`, { ruleId: rule.id, field });
  const doc: RuleDocument = { ...rule.kept, ruleName: rule.name };
  const { condition } = rule;
  places.set(`${at}.expression`, { ruleId: rule.id, nodeId: condition.id });
  places.set(`${at}.operator`, { ruleId: rule.id, nodeId: condition.id });
  const only = condition.children[0];
  if (condition.mode === 'all' && condition.children.length === 1 && only.kind !== 'group') {
    // One comparison needs no group around it: stored as the rule's own expression, as a marketer would write it.
    places.set(`${at}.expression`, { ruleId: rule.id, nodeId: only.id });
    doc.expression = (nodeDocument(only, at, rule.name, members, new Map(), rule.id)).expression;
  } else if (condition.children.length > 0) {
    doc.operator = operators[condition.mode];
    doc.rules = condition.children.map((c, j) => nodeDocument(c, `${at}.rules[${j}]`, `${rule.name}-${j + 1}`, members, places, rule.id));
  }
  if (!rule.enabled) doc.enabled = false;
  if (rule.priority !== 0) doc.priority = rule.priority;
  if (rule.requires.length) doc.requires = rule.requires;
  if (rule.unless.length) doc.unless = rule.unless;
  if (rule.assert.length) doc.assert = rule.assert;
  if (rule.set.length) doc.set = Object.fromEntries(rule.set);
  if (rule.suppress !== null) doc.suppress = rule.suppress;
  if (rule.start.length) doc.start = rule.start;
  if (rule.tag.length) doc.tag = rule.tag;
  return doc;
}

/** The document to save or try, and where each of its paths is in the editor (to show the server's problems there). */
export function toDocument(draft: RuleSetDraft, members: readonly ExpressionMember[]): { document: RuleSetDocument; places: Map<string, Place> } {
  const places = new Map<string, Place>();
  places.set('decides', { field: 'decides' });
  const document: RuleSetDocument = { rules: draft.rules.map((r, i) => ruleDocument(r, i, members, places)) };
  if (draft.globalParams.length) document.globalParams = draft.globalParams;
  if (draft.decides) document.decides = draft.decides;
  return { document, places };
}

/** Dragging changes the order; priorities follow it (top = highest), spaced by 10 so a rule can be slotted between. */
export function moveRule(rules: readonly RuleDraft[], from: number, to: number): RuleDraft[] {
  if (from === to || from < 0 || to < 0 || from >= rules.length || to >= rules.length) return [...rules];
  const next = [...rules];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next.map((r, i) => ({ ...r, priority: (next.length - i) * 10 }));
}
