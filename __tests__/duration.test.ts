import { describe, expect, it } from '@jest/globals';
import { formatDuration, MAX_DURATION_MS, parseDuration } from '../src/duration.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['45m', 2_700_000],
    ['1h30m', 5_400_000],
    ['1h30m15s250ms', 5_415_250],
    ['1.5s', 1500],
    ['0', 0],
    ['0s', 0],
    ['10', 10_000],
    ['2.5', 2500],
    [' 5m ', 300_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['abc', '-5', '10 parsecs', '1e999', '1e3', '', 'm', '5x', '1m1h', '1s1s', '+5s', '5 m', 'Infinity', 'NaN', '0x10'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow();
  });

  it('rejects more than a Node timer can hold', () => {
    expect(parseDuration('596h')).toBeLessThanOrEqual(MAX_DURATION_MS);
    expect(() => parseDuration('597h')).toThrow(/maximum/);
    expect(() => parseDuration('99999999999999999999999')).toThrow(/maximum/);
  });
});

describe('formatDuration', () => {
  it.each([
    [250, '250ms'],
    [1000, '1s'],
    [1500, '1.5s'],
    [10_000, '10s'],
    [2_700_000, '45m'],
    [5_400_000, '1h30m'],
    [3_600_000, '1h'],
    [61_000, '1m1s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips through parseDuration for whole units', () => {
    for (const ms of [500, 90_000, 2_700_000, 5_400_000, 5_415_000]) expect(parseDuration(formatDuration(ms))).toBe(ms);
  });
});
