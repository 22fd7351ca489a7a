import cronstrue from 'cronstrue';
import type { TriggerDefinition } from '../api';

/**
 * A schedule trigger in words: "every Monday at 09:00" for a cron schedule (cronstrue, 24-hour clock), or the
 * one-off time in the browser's locale. Null when the cron expression cannot be read.
 */
export function describeSchedule(trigger: Pick<TriggerDefinition, 'at' | 'cron'>): string {
  if (trigger.at) {
    const at = new Date(trigger.at);
    return Number.isNaN(at.getTime()) ? 'once (choose when)' : `once, on ${at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;
  }
  return cronInWords(trigger.cron) ?? '(choose a schedule)';
}

/** The cron expression in words, lower-cased to sit inside a sentence; null when it is not a five-field cron. */
export function cronInWords(cron: string | null | undefined): string | null {
  if (!cron || cron.trim().split(/\s+/).length !== 5) return null;
  try {
    const words = cronstrue.toString(cron.trim(), { use24HourTimeFormat: true, verbose: false, throwExceptionOnParseError: true });
    return phrase(words);
  } catch {
    return null;
  }
}

/** cronstrue says "At 09:00, only on Monday"; people say "every Monday at 09:00". */
function phrase(words: string): string {
  const weekly = /^At (\d\d:\d\d), only on (\w+)$/.exec(words);
  if (weekly) return `every ${weekly[2]} at ${weekly[1]}`;
  const daily = /^At (\d\d:\d\d)$/.exec(words);
  if (daily) return `every day at ${daily[1]}`;
  return words.charAt(0).toLowerCase() + words.slice(1);
}
