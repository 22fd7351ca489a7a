import type { ExpressionMember } from '../api';

const typeWords: Record<string, string> = { int: 'whole number', double: 'number', decimal: 'number', bool: 'yes / no', string: 'text' };

/** "Features.DaysSinceLastPurchase" → "Days since last purchase". */
export function humanField(name: string): string {
  const short = name.slice(name.indexOf('.') + 1);
  const words = short.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/(\d)([a-z])/g, '$1$2');
  return words.charAt(0) + words.slice(1).toLowerCase();
}

export const typeWord = (member: ExpressionMember | undefined) =>
  member ? `${typeWords[member.type] ?? member.type}${member.unit ? `, ${member.unit}` : ''}` : 'not in the catalog';

/** The catalog's features and scores, the segments, tags and recent activity, grouped, each with its type: what a condition can compare. */
export function FieldPicker({ id, value, members, onChange }: { id: string; value: string; members: readonly ExpressionMember[]; onChange: (field: string) => void }) {
  const groups = [
    { label: 'Features', items: members.filter((m) => m.name.startsWith('Features.')) },
    { label: 'Scores', items: members.filter((m) => m.name.startsWith('Scores.')) },
    { label: 'Segments', items: members.filter((m) => m.name.startsWith('Segments.')) },
    { label: 'Tags', items: members.filter((m) => m.name.startsWith('Tags.')) },
    { label: 'Recent activity and trigger', items: members.filter((m) => m.name.startsWith('Recent.') || m.name.startsWith('Trigger.')) },
  ].filter((g) => g.items.length > 0);
  const known = members.some((m) => m.name === value);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {!known && <option value={value}>{value}</option>}
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.items.map((m) => (
            <option key={m.name} value={m.name}>
              {m.label ?? humanField(m.name)} ({typeWord(m)})
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
