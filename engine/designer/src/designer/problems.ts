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
