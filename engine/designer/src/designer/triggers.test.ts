import { describe, expect, it } from 'vitest';
import { describeTrigger, eventDoes, eventLabel, triggerSentence } from './triggers';

const segments: Record<string, string> = { 'plus-readers': 'Plus readers' };
const segmentName = (key: string) => segments[key];

describe('the trigger in words', () => {
  it('names an event the engine knows by what the customer does, not by its type', () => {
    expect(describeTrigger({ type: 'event', event: 'add_to_cart' })).toBe('Adds to cart');
    expect(eventLabel('add_to_cart')).toBe('Add to cart');
    expect(eventDoes('purchase')).toBe('Buys something');
  });

  it('humanizes an event type it does not know', () => {
    expect(eventLabel('trial_started')).toBe('Trial started');
    expect(describeTrigger({ type: 'event', event: 'renewal_due', filter: 'x' })).toBe('Does “Renewal due” (filtered)');
  });

  it('says when the workflow starts, with the segment by its name', () => {
    expect(triggerSentence({ type: 'segment.entered', segment: 'plus-readers' }, segmentName)).toBe('Starts when a customer enters “Plus readers”');
    expect(triggerSentence({ type: 'segment.exited', segment: 'gone' }, segmentName)).toBe('Starts when a customer leaves “gone”');
    expect(triggerSentence({ type: 'event', event: 'add_to_cart' })).toBe('Starts when a customer adds to cart');
    expect(triggerSentence({ type: 'score.crossed', score: 'ChurnRisk', threshold: 0.7, direction: 'up' })).toBe('Starts when a customer’s churn risk rises above 0.7');
    expect(triggerSentence({ type: 'webhook', secret: 's' })).toBe('Starts when another system calls the workflow’s webhook');
    expect(triggerSentence(null)).toBe('Has no trigger yet');
  });
});
