// Display helpers shared by every screen. Pure: unit-testable and free of React.

const numberFormat = new Intl.NumberFormat(undefined);
const moneyFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : numberFormat.format(value);
}

export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : moneyFormat.format(value);
}

/** 0.123 → "12.3%". */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : percentFormat.format(value);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** "3 hours ago", "in 2 days". */
export function formatRelative(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/** "Enters “Plus readers”" → "enters “Plus readers”", for a phrase inside a sentence; acronyms ("A/B") stay. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** "maxPerDay" → "Max per day", "email_template" → "Email template", "Features.PricingViews7d" → "Pricing views 7d". */
export function humanize(name: string): string {
  const last = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
  const spaced = last
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A reason code in words: the server's text when given, otherwise "Pricing views 7d is 3". */
export function reasonText(reason: { feature: string; value?: unknown; text?: string | null }): string {
  if (reason.text) return reason.text;
  if (reason.value === undefined || reason.value === null) return humanize(reason.feature);
  return `${humanize(reason.feature)} is ${formatValue(reason.value)}`;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? formatNumber(value) : value.toFixed(2);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Reasons arrive as reason codes, plain strings or one string: always words. */
export function reasonsInWords(reasons: unknown): string[] {
  if (!reasons) return [];
  if (typeof reasons === 'string') return [reasons];
  if (Array.isArray(reasons)) {
    return reasons.map((r) =>
      typeof r === 'string' ? r : r && typeof r === 'object' && 'feature' in r ? reasonText(r as { feature: string }) : JSON.stringify(r),
    );
  }
  return [JSON.stringify(reasons)];
}

/** Silhouette score (−1…1) in words a marketer can act on. */
export function silhouetteInWords(value: number): string {
  if (value >= 0.5) return 'clearly separated groups';
  if (value >= 0.25) return 'reasonably distinct groups';
  if (value >= 0.1) return 'weakly separated groups';
  return 'groups overlap a lot';
}

/** Turns a name into an id: "At-risk win-back!" → "at-risk-win-back". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
