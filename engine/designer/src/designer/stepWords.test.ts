import { describe, expect, it } from 'vitest';
import type { ActivityDescriptor } from '../api';
import { isRarePort, mainPorts } from './insertion';
import { portLabel, portPhrase, stepLine } from './stepWords';

const wait: ActivityDescriptor = {
  type: 'waitForDuration', kind: 'activity', category: 'Flow', displayName: 'Wait', description: 'Waits for a while (ISO 8601 duration, e.g. P3D), then goes on',
  ports: ['done'], inputSchema: {}, budgetAffecting: false, estimatedCost: 0,
};
const email: ActivityDescriptor = {
  type: 'email.send', kind: 'action', category: 'Actions', displayName: 'Send email', description: 'Sends a templated email. Retries on a busy server.',
  ports: ['done', 'failed', 'skipped', 'rejected'], inputSchema: {}, budgetAffecting: false, estimatedCost: 0,
};

describe('the words of the simple view', () => {
  it('names ports as a marketer reads them, and by their own names in the advanced view', () => {
    expect(['done', 'true', 'false', 'default', 'keen'].map((p) => portLabel(p))).toEqual(['next', 'yes', 'no', 'otherwise', 'keen']);
    expect(portLabel('true', true)).toBe('true');
    expect(['done', 'default', 'false'].map((p) => portPhrase(p))).toEqual(['Then', 'Otherwise', 'When no']);
    expect(portPhrase('done', true)).toBe('When done');
  });

  it('describes a step in one line without developer syntax', () => {
    expect(stepLine(wait)).toBe('Waits a while (e.g. 3 days), then goes on');
    expect(stepLine(email)).toBe('Sends a templated email.');
  });

  it('treats failed, skipped and rejected as rare, except an approval’s rejected', () => {
    expect(mainPorts(['done', 'failed', 'skipped', 'rejected'], 'action')).toEqual(['done']);
    expect(mainPorts(['approved', 'rejected'], 'approval')).toEqual(['approved', 'rejected']);
    expect(isRarePort('rejected', 'approval')).toBe(false);
  });
});
