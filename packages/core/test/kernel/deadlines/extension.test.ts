import { describe, expect, it } from 'vitest';
import {
  checkExtension,
  extendDeadline,
  extensionLimit,
  MAX_EXTENSION_DAYS,
} from '../../../src/kernel/deadlines/index.js';

const dueAt = '2025-01-25T11:59:00.000Z'; // 23:59 25.01.2025 in Kamchatka
const tz = 'Asia/Kamchatka';

describe('59-ФЗ extension', () => {
  it('allows at most 30 days after the current deadline', () => {
    expect(MAX_EXTENSION_DAYS).toBe(30);
    expect(extensionLimit(dueAt, tz)).toBe('2025-02-24T11:59:00.000Z');
    expect(extensionLimit(dueAt, tz, 10)).toBe('2025-02-04T11:59:00.000Z');
    expect(() => extensionLimit(dueAt, tz, -1)).toThrow(RangeError);
  });

  it('checks a request', () => {
    expect(checkExtension(dueAt, '2025-02-10', tz)).toEqual({
      ok: true,
      dueAt: '2025-02-10T11:59:00.000Z',
      days: 16,
    });
    expect(checkExtension(dueAt, '2025-02-24', tz)).toMatchObject({ ok: true, days: 30 });
    expect(checkExtension(dueAt, '2025-02-25', tz)).toEqual({
      ok: false,
      reason: 'too_long',
      days: 31,
      limit: '2025-02-24T11:59:00.000Z',
    });
    expect(checkExtension(dueAt, '2025-01-25', tz)).toMatchObject({
      ok: false,
      reason: 'not_later',
    });
    expect(checkExtension(dueAt, '2025-01-20', tz)).toMatchObject({
      ok: false,
      reason: 'not_later',
      days: -5,
    });
  });

  it('takes the local date of an instant as the new last day', () => {
    // 01:00 on 11 February in Kamchatka is still 10 February in UTC.
    expect(checkExtension(dueAt, '2025-02-10T13:00:00Z', tz)).toMatchObject({
      ok: true,
      dueAt: '2025-02-11T11:59:00.000Z',
      days: 17,
    });
    expect(extendDeadline(dueAt, new Date('2025-02-01T00:00:00Z'), tz)).toBe(
      '2025-02-01T11:59:00.000Z',
    );
  });

  it('clamps: never earlier, never past the limit', () => {
    expect(extendDeadline(dueAt, '2025-03-10', tz)).toBe('2025-02-24T11:59:00.000Z');
    expect(extendDeadline(dueAt, '2025-01-01', tz)).toBe(dueAt);
    expect(extendDeadline(dueAt, '2025-02-03', tz)).toBe('2025-02-03T11:59:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(() => extendDeadline(dueAt, '2025-02-30', tz)).toThrow(RangeError);
    expect(() => checkExtension(dueAt, '2025-02-30', tz)).toThrow(RangeError);
  });
});
