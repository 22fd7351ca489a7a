import type { ActivityDefinition, ConnectionDefinition, GoalDefinition, ReentryDefinition, WorkflowDefinition } from '../api';
import { lowerFirst } from '../common/format';
import { summarize } from './model';
import { activityName, type PaletteIndex } from './palette';
import { portLabel } from './stepWords';
import { describeTrigger, eventLabel, reentryPolicies, triggerSentence } from './triggers';

/** What the publish dialog needs to name things: steps and actions by the palette, segments and templates by name. */
export interface ChangeWords {
  palette: PaletteIndex;
  segmentName?: (key: string) => string | undefined;
  templateName?: (key: string) => string | undefined;
  /** The advanced view names steps by their ids and ports by their own names. */
  advanced?: boolean;
}

/**
 * What publishing `after` changes against the published `before` (null: nothing is published yet), in the words of the
 * cards: "Starts when a customer enters “Plus readers”", "Added “Wait”: Wait 2 days".
 */
export function describeChanges(before: WorkflowDefinition | null, after: WorkflowDefinition, words: ChangeWords): string[] {
  const name = (a: ActivityDefinition) => `“${words.advanced ? a.id : activityName(a, words.palette)}”`;
  const withSummary = (a: ActivityDefinition) => {
    const summary = summarize(a, words.templateName);
    return summary ? `${name(a)}: ${summary}` : name(a);
  };
  if (!before) {
    const count = after.activities.length;
    return [`First version, with ${count} step${count === 1 ? '' : 's'}`, triggerSentence(after.trigger, words.segmentName)];
  }

  const changes: string[] = [];
  if (before.name !== after.name) changes.push(`Renamed from “${before.name}” to “${after.name}”`);
  if (!same(before.trigger, after.trigger)) {
    changes.push(`${triggerSentence(after.trigger, words.segmentName)} (before: ${lowerFirst(describeTrigger(before.trigger, words.segmentName))})`);
  }
  if (!same(before.goal, after.goal)) changes.push(after.goal ? `The goal is now ${goalWords(after.goal)}` : 'The goal is removed');
  if (!same(before.reentry, after.reentry)) changes.push(`Re-entry: ${reentryWords(after.reentry)} (before: ${lowerFirst(reentryWords(before.reentry))})`);

  const old = new Map(before.activities.map((a) => [a.id, a]));
  const now = new Map(after.activities.map((a) => [a.id, a]));
  for (const a of after.activities) if (!old.has(a.id)) changes.push(`Added ${withSummary(a)}`);
  for (const a of before.activities) if (!now.has(a.id)) changes.push(`Removed ${withSummary(a)}`);
  for (const a of after.activities) {
    const was = old.get(a.id);
    if (was && !same(was, a)) changes.push(`Changed ${withSummary(a)}`);
  }

  const stepOf = (id: string) => now.get(id) ?? old.get(id);
  const link = (c: ConnectionDefinition) => {
    const from = stepOf(c.from);
    const to = stepOf(c.to);
    const port = c.port === 'done' && !words.advanced ? '' : ` (${portLabel(c.port, words.advanced)})`;
    return { from: from ? name(from) : `“${c.from}”`, to: to ? name(to) : `“${c.to}”`, port };
  };
  const key = (c: ConnectionDefinition) => `${c.from}\u0000${c.port}\u0000${c.to}`;
  const oldLinks = new Set(before.connections.map(key));
  const newLinks = new Set(after.connections.map(key));
  for (const c of after.connections.filter((c) => !oldLinks.has(key(c)))) {
    const l = link(c);
    changes.push(`${l.from}${l.port} now leads to ${l.to}`);
  }
  for (const c of before.connections.filter((c) => !newLinks.has(key(c)))) {
    const l = link(c);
    changes.push(`${l.from}${l.port} no longer leads to ${l.to}`);
  }
  return changes.length === 0 ? ['No changes to the flow'] : changes;
}

function goalWords(goal: GoalDefinition): string {
  if (goal.name) return `“${goal.name}”`;
  const event = goal.event ? `“${eventLabel(goal.event)}”` : '';
  return [event, goal.expression ?? ''].filter(Boolean).join(' or ') || 'empty';
}

function reentryWords(reentry: ReentryDefinition | null | undefined): string {
  if (!reentry) return 'the default';
  if (reentry.policy === 'oncePer') return `at most once every ${reentry.days ?? '?'} days`;
  return reentryPolicies.find((p) => p.value === reentry.policy)?.label ?? reentry.policy;
}

// Equal settings, whatever the order of keys and whether an absent setting is left out or null.
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined)
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => [k, canonical(v)]);
  return Object.fromEntries(entries);
}
