import type { TriggerDefinition } from '../api';
import { describeSchedule } from './schedule';

export const triggerTypes: { value: string; label: string }[] = [
  { value: 'segment.entered', label: 'Customer enters a segment' },
  { value: 'segment.exited', label: 'Customer leaves a segment' },
  { value: 'score.crossed', label: 'A score crosses a threshold' },
  { value: 'event', label: 'Customer does something (event)' },
  { value: 'webhook', label: 'Another system calls the workflow (webhook)' },
  { value: 'schedule', label: 'Every member of a segment, on a schedule or once' },
];

export const scoreNames: { value: string; label: string }[] = [
  { value: 'ChurnRisk', label: 'Churn risk' },
  { value: 'PurchasePropensity', label: 'Purchase propensity' },
];

export const reentryPolicies: { value: string; label: string }[] = [
  { value: 'once', label: 'Only once, ever' },
  { value: 'oncePer', label: 'At most once per number of days' },
  { value: 'always', label: 'Every time the trigger fires' },
];

/** Keeps only the settings the chosen trigger type uses. */
export function changeTriggerType(trigger: TriggerDefinition | null, type: string): TriggerDefinition {
  switch (type) {
    case 'segment.entered':
    case 'segment.exited':
      return { type, segment: trigger?.segment ?? '' };
    case 'score.crossed':
      return { type, score: trigger?.score ?? 'ChurnRisk', threshold: trigger?.threshold ?? 0.7, direction: trigger?.direction ?? 'up' };
    case 'event':
      return { type, event: trigger?.event ?? '', ...(trigger?.filter ? { filter: trigger.filter } : {}) };
    case 'webhook':
      return { type, secret: trigger?.secret || newWebhookSecret() };
    case 'schedule':
      return { type, segment: trigger?.segment ?? '', cron: trigger?.cron ?? '0 9 * * 1' };
    default:
      return { ...(trigger ?? {}), type };
  }
}

/** The trigger in one sentence, as shown on its node. */
export function describeTrigger(trigger: TriggerDefinition | null | undefined, segmentName?: (key: string) => string | undefined): string {
  if (!trigger || !trigger.type) return 'No trigger yet: select to choose one';
  const seg = (key?: string | null) => (key ? (segmentName?.(key) ?? key) : '(choose a segment)');
  switch (trigger.type) {
    case 'segment.entered':
      return `Enters “${seg(trigger.segment)}”`;
    case 'segment.exited':
      return `Leaves “${seg(trigger.segment)}”`;
    case 'score.crossed': {
      const score = scoreNames.find((s) => s.value === trigger.score)?.label ?? trigger.score ?? 'score';
      const dir = trigger.direction === 'down' ? 'falls below' : 'rises above';
      return `${score} ${dir} ${trigger.threshold ?? '?'}`;
    }
    case 'event':
      return `Does “${trigger.event || '(choose an event)'}”${trigger.filter ? ' (filtered)' : ''}`;
    case 'webhook':
      return 'Another system calls the workflow’s webhook';
    case 'schedule':
      return `Every member of “${seg(trigger.segment)}”, ${describeSchedule(trigger)}`;
    default:
      return trigger.type;
  }
}

/** Event types the engine knows; other well-formed types work as well. */
export const knownEventTypes = [
  'page_view',
  'product_view',
  'pricing_view',
  'add_to_cart',
  'checkout_started',
  'purchase',
  'refund',
  'email_open',
  'email_click',
  'email_unsubscribe',
  'ad_click',
  'support_ticket',
  'feature_used',
  'identify',
];

/** 32 hex characters from the browser's cryptographic random source. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
