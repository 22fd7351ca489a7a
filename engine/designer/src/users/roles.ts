import type { Role } from '../api';

/** The roles in the order the server stores them, each with what it lets a person do. */
export const roleChoices: { role: Role; label: string; description: string }[] = [
  { role: 'marketer', label: 'Marketer', description: 'designs workflows and segments' },
  { role: 'approver', label: 'Approver', description: 'decides queued actions' },
  { role: 'integrator', label: 'Integrator', description: 'runs plugins and ingestion keys' },
  { role: 'admin', label: 'Admin', description: 'everything, including these accounts' },
];

/** The problems of a 400 answer that belong to one form field (the server names fields in camelCase). */
export function problemsFor(problems: { field?: string; message: string }[], field: string): string[] {
  return problems.filter((p) => p.field?.toLowerCase() === field.toLowerCase()).map((p) => p.message);
}
