import type { TriggerDefinition } from '../api';
import { humanize, lowerFirst } from '../common/format';
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
      return `${trigger.event ? eventDoes(trigger.event) : 'Does (choose an event)'}${trigger.filter ? ' (filtered)' : ''}`;
    case 'webhook':
      return 'Another system calls the workflow’s webhook';
    case 'schedule':
      return `Every member of “${seg(trigger.segment)}”, ${describeSchedule(trigger)}`;
    default:
      return trigger.type;
  }
}

// The event types the engine knows, with what a customer does to send one; other well-formed types work as well.
const eventWords: Record<string, { label: string; does: string }> = {
  page_view: { label: 'Page view', does: 'Views a page' },
  product_view: { label: 'Product view', does: 'Views a product' },
  pricing_view: { label: 'Pricing page view', does: 'Views the pricing page' },
  add_to_cart: { label: 'Add to cart', does: 'Adds to cart' },
  checkout_started: { label: 'Checkout started', does: 'Starts checkout' },
  purchase: { label: 'Purchase', does: 'Buys something' },
  refund: { label: 'Refund', does: 'Gets a refund' },
  email_open: { label: 'Email open', does: 'Opens an email' },
  email_click: { label: 'Email click', does: 'Clicks in an email' },
  email_unsubscribe: { label: 'Unsubscribe', does: 'Unsubscribes from email' },
  ad_click: { label: 'Ad click', does: 'Clicks an ad' },
  support_ticket: { label: 'Support ticket', does: 'Opens a support ticket' },
  feature_used: { label: 'Feature used', does: 'Uses a feature' },
  identify: { label: 'Identify', does: 'Signs in or identifies' },
};

/** Event types the engine knows; other well-formed types work as well. */
export const knownEventTypes = Object.keys(eventWords);

/** An event type by its name: "Add to cart"; a type the engine does not know, humanized ("trial_started" → "Trial started"). */
export function eventLabel(type: string): string {
  return eventWords[type]?.label ?? humanize(type);
}

/** What the customer does, as the trigger card says it: "Adds to cart"; an unknown type as Does “Trial started”. */
export function eventDoes(type: string): string {
  return eventWords[type]?.does ?? `Does “${humanize(type)}”`;
}

/** The trigger as a sentence about when the workflow starts: "Starts when a customer enters “Plus readers”". */
export function triggerSentence(trigger: TriggerDefinition | null | undefined, segmentName?: (key: string) => string | undefined): string {
  if (!trigger || !trigger.type) return 'Has no trigger yet';
  const words = lowerFirst(describeTrigger(trigger, segmentName));
  switch (trigger.type) {
    case 'segment.entered':
    case 'segment.exited':
    case 'event':
      return `Starts when a customer ${words}`;
    case 'score.crossed':
      return `Starts when a customer’s ${words}`;
    case 'webhook':
      return `Starts when ${words}`;
    case 'schedule':
      return `Starts for ${words}`;
    default:
      return `Starts on “${trigger.type}”`;
  }
}

/** 32 hex characters from the browser's cryptographic random source. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
