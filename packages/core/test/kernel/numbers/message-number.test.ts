import { describe, expect, it } from 'vitest';
import {
  localDateCode,
  MESSAGE_NUMBER_PATTERN,
  messageNumber,
  numberRequestOf,
} from '../../../src/index.js';

describe('messageNumber', () => {
  it('is <region>-<YYMMDD>-<seq> with the counter padded to four digits', () => {
    const n = messageNumber({ regionCode: '73', at: '2025-03-05T09:00:00Z' }, 42);
    expect(n).toBe('73-250305-0042');
    expect(n).toMatch(MESSAGE_NUMBER_PATTERN);
    expect(messageNumber({ regionCode: '73', at: '2025-03-05T09:00:00Z' }, 123456)).toBe(
      '73-250305-123456',
    );
  });

  it('dates a submit at 23:30 UTC on the next day in Kamchatka (UTC+12)', () => {
    const at = '2025-01-14T23:30:00Z';
    expect(messageNumber({ regionCode: '41', at }, 1)).toBe('41-250115-0001');
    // Kaliningrad (UTC+2) is past midnight as well; at 21:30 UTC it is not yet.
    expect(localDateCode('39', at)).toBe('250115');
    expect(localDateCode('39', '2025-01-14T21:30:00Z')).toBe('250114');
    // Moscow at 20:59 UTC on 31 December is still the old year.
    expect(localDateCode('77', '2025-12-31T20:59:59Z')).toBe('251231');
    expect(localDateCode('77', '2025-12-31T21:00:00Z')).toBe('260101');
  });

  it('refuses a counter that is not a whole number from 1 and an instant that is none', () => {
    expect(() => messageNumber({ regionCode: '41', at: '2025-01-14T23:30:00Z' }, 0)).toThrow(
      RangeError,
    );
    expect(() => messageNumber({ regionCode: '41', at: '2025-01-14T23:30:00Z' }, 1.5)).toThrow(
      RangeError,
    );
    expect(() => localDateCode('41', 'yesterday')).toThrow(RangeError);
  });
});

describe('numberRequestOf', () => {
  it('is the region and instant of a submit without a number, nothing otherwise', () => {
    const at = '2025-01-14T23:30:00Z';
    expect(numberRequestOf({ type: 'submit', regionCode: '41', at })).toEqual({
      regionCode: '41',
      at,
    });
    expect(numberRequestOf({ type: 'submit', regionCode: '41', at, number: 'X-1' })).toBe(
      undefined,
    );
    expect(numberRequestOf({ type: 'submit', at })).toBe(undefined);
    expect(numberRequestOf({ type: 'submit', regionCode: '41', at: 'soon' })).toBe(undefined);
    expect(numberRequestOf(null)).toBe(undefined);
  });
});
