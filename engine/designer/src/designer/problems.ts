import type { ValidationProblem } from '../api';
import { TRIGGER_NODE_ID } from './model';

/** Problems grouped for the canvas: by node (activityId, or the trigger's "trigger.*" fields) and the rest. */
export function groupProblems(problems: readonly ValidationProblem[]): { byNode: Map<string, string[]>; general: ValidationProblem[] } {
  const byNode = new Map<string, string[]>();
  const general: ValidationProblem[] = [];
  const add = (id: string, message: string) => byNode.set(id, [...(byNode.get(id) ?? []), message]);
  for (const p of problems) {
    if (p.activityId) add(p.activityId, p.message);
    else {
      general.push(p);
      if (p.field && /^trigger(\.|$)/.test(p.field)) add(TRIGGER_NODE_ID, p.message);
    }
  }
  return { byNode, general };
}

/**
 * Problems of one activity keyed by the settings field they name: "activities[mail].input.template"
 * is "template" under prefix "input", "activities[score].expression" is "expression".
 */
export function fieldProblems(problems: readonly ValidationProblem[], activityId: string, prefix = ''): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const head = `activities[${activityId}].${prefix ? `${prefix}.` : ''}`;
  for (const p of problems) {
    if (!p.field || !p.field.startsWith(head)) continue;
    const rest = p.field.slice(head.length);
    const name = rest.split(/[.[]/)[0];
    if (!name) continue;
    (result[name] ??= []).push(p.message);
  }
  return result;
}

/**
 * Required settings left empty, as the marketer types (before any save): merged under the server's problems for the
 * same field, so a field shows one message.
 */
export function withMissingRequired(
  fields: readonly { name: string; required: boolean; kind: string }[],
  value: Record<string, unknown>,
  serverProblems: Record<string, string[]>,
): Record<string, string[]> {
  const result: Record<string, string[]> = { ...serverProblems };
  for (const f of fields) {
    const v = value[f.name];
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (f.required && f.kind !== 'boolean' && empty && !result[f.name]) result[f.name] = ['Required: fill this in before publishing.'];
  }
  return result;
}
