import type { ValidationProblem } from '../api';
import type { Place } from './ruleDraft';

export interface PlacedProblem {
  /** The document path the server named, without the leading "rules." of the request body. */
  path: string;
  message: string;
  place: Place | null;
}

/** Drops the last ".name" or "[n]" of a path: rules[2].rules[1].expression → rules[2].rules[1]. */
function parent(path: string): string | null {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut > 0 ? path.slice(0, cut) : null;
}

/**
 * Places each problem of a 400 on the editor part its path names (the nearest known ancestor: a set value's problem
 * "rules[3].set.offer" shows at the rule's decision values); what names no part stays in the general list.
 */
export function placeProblems(problems: readonly ValidationProblem[], places: ReadonlyMap<string, Place>): PlacedProblem[] {
  return problems.map((p) => {
    const field = p.field ?? '';
    const path = field.startsWith('rules.') ? field.slice('rules.'.length) : field;
    let at: string | null = path;
    while (at && !places.has(at)) at = parent(at);
    return { path, message: p.message, place: at ? places.get(at)! : null };
  });
}

/** The problems shown at one part: a node of the conditions, or an outcome field of a rule. */
export function problemsAt(problems: readonly PlacedProblem[], match: Place): PlacedProblem[] {
  return problems.filter((p) =>
    p.place !== null &&
    (match.nodeId ? p.place.nodeId === match.nodeId : p.place.ruleId === match.ruleId && !p.place.nodeId && p.place.field === match.field),
  );
}
