import type { ExpressionMember } from '../api';

/**
 * What a rule can ask beyond the profile, as catalog entries the pickers offer: each segment (in it; days in it), the
 * tags the rule set itself names, recent activity and the trigger. The names are the sandboxed expressions the engine
 * reads (`Segments.DaysIn("at-risk")`), the labels what a marketer reads.
 */
export function sessionMembers(segments: readonly { key: string; name: string }[], tags: readonly string[]): ExpressionMember[] {
  const q = (text: string) => JSON.stringify(text);
  return [
    ...segments.flatMap((s): ExpressionMember[] => [
      { name: `Segments.Has(${q(s.key)})`, type: 'bool', label: `In segment “${s.name}”` },
      { name: `Segments.DaysIn(${q(s.key)})`, type: 'double', unit: 'days', label: `Days in segment “${s.name}” (-1 when not in it)` },
    ]),
    ...tags.map((t): ExpressionMember => ({ name: `Tags.Has(${q(t)})`, type: 'bool', label: `Tagged “${t}”` })),
    { name: 'Recent.OpenApprovals', type: 'int', label: 'Approvals waiting for a decision' },
    { name: 'Recent.Actions("email.send", 7)', type: 'int', label: 'Emails sent in the last 7 days' },
    { name: 'Recent.Actions("email.send", 30)', type: 'int', label: 'Emails sent in the last 30 days' },
    { name: 'Trigger.Type', type: 'string', label: 'Trigger (segment.entered, segment.exited, score.crossed, event)' },
    { name: 'Trigger.Key', type: 'string', label: 'Trigger’s segment, score or event' },
  ];
}

/** The tags a stored rule set gives or reads, so the pickers offer them. */
export function tagsIn(rules: unknown): string[] {
  const text = JSON.stringify(rules ?? {});
  const found = new Set<string>();
  for (const m of text.matchAll(/"tag":\[([^\]]*)\]/g)) for (const t of m[1].matchAll(/"([^"\\]+)"/g)) found.add(t[1]);
  for (const m of text.matchAll(/Tags\.Has\(\\"([^"\\]+)\\"\)/g)) found.add(m[1]);
  return [...found];
}
