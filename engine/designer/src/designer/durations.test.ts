import { describe, expect, it } from 'vitest';
import { durationInWords, parseDuration, parseWords, toIso } from './durations';

describe('durations', () => {
  it('reads the ISO forms the designer writes', () => {
    expect(parseDuration('P1D')).toEqual({ amount: 1, unit: 'days' });
    expect(parseDuration('PT12H')).toEqual({ amount: 12, unit: 'hours' });
    expect(parseDuration('P1DT2H')).toBeNull();
  });
  it('writes number and unit as ISO 8601', () => {
    expect(toIso({ amount: 1, unit: 'days' })).toBe('P1D');
    expect(toIso({ amount: 2, unit: 'weeks' })).toBe('P14D');
    expect(toIso({ amount: 30, unit: 'minutes' })).toBe('PT30M');
  });
  it('says a duration in words', () => {
    expect(durationInWords('P1D')).toBe('1 day');
    expect(durationInWords('P14D')).toBe('2 weeks');
    expect(durationInWords('PT4H')).toBe('4 hours');
  });
  it('accepts words typed by a marketer', () => {
    expect(parseWords('1 day')).toBe('P1D');
    expect(parseWords('3 Weeks')).toBe('P21D');
    expect(parseWords('tomorrow')).toBeNull();
  });
});
