// Durations as a marketer says them ("1 day", "12 hours") and as the engine stores them (ISO 8601: P1D, PT12H).

export type DurationUnit = 'minutes' | 'hours' | 'days' | 'weeks';

export const durationUnits: { value: DurationUnit; label: string }[] = [
  { value: 'minutes', label: 'minutes' },
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
  { value: 'weeks', label: 'weeks' },
];

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

/** P1D → 1 day, PT12H → 12 hours, P2W → 2 weeks, PT90M → 90 minutes; null for anything with more than one part. */
export function parseDuration(iso: string | null | undefined): Duration | null {
  const m = /^P(?:(\d+)W|(\d+)D|T(?:(\d+)H|(\d+)M))$/.exec((iso ?? '').trim().toUpperCase());
  if (!m) return null;
  if (m[1]) return { amount: Number(m[1]), unit: 'weeks' };
  if (m[2]) return { amount: Number(m[2]), unit: 'days' };
  if (m[3]) return { amount: Number(m[3]), unit: 'hours' };
  return { amount: Number(m[4]), unit: 'minutes' };
}

/** 1 day → P1D; weeks as days (P14D), which every ISO 8601 reader accepts. */
export function toIso({ amount, unit }: Duration): string {
  const n = Math.max(0, Math.round(amount));
  switch (unit) {
    case 'weeks':
      return `P${n * 7}D`;
    case 'days':
      return `P${n}D`;
    case 'hours':
      return `PT${n}H`;
    default:
      return `PT${n}M`;
  }
}

/** Words for a stored duration: "1 day", "14 days" (as "2 weeks"), "12 hours"; the ISO text when it has several parts. */
export function durationInWords(iso: string | null | undefined): string {
  const d = parseDuration(iso);
  if (!d) return iso ?? '';
  if (d.unit === 'days' && d.amount >= 7 && d.amount % 7 === 0) return plural(d.amount / 7, 'week');
  return plural(d.amount, d.unit.slice(0, -1));
}

/** "1 day", "2 days", "3 weeks" typed as words → ISO 8601; null when it is not a duration. */
export function parseWords(text: string): string | null {
  const m = /^\s*(\d+)\s*(minute|min|hour|hr|h|day|d|week|wk|w)s?\s*$/i.exec(text);
  if (!m) return null;
  const unit = m[2].toLowerCase();
  const amount = Number(m[1]);
  if (unit.startsWith('m')) return toIso({ amount, unit: 'minutes' });
  if (unit.startsWith('h')) return toIso({ amount, unit: 'hours' });
  if (unit.startsWith('d')) return toIso({ amount, unit: 'days' });
  return toIso({ amount, unit: 'weeks' });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
