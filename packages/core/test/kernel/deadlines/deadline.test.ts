import { describe, expect, it } from 'vitest';
import {
  computeDeadline,
  createProductionCalendar,
  deadlineLabel,
  dueSoonAt,
  endOfLocalDay,
  localDateIn,
  regionTimeZone,
} from '../../../src/kernel/deadlines/index.js';

const calendarDays = (days: number) => ({ days, unit: 'calendar' as const });
const workingDays = (days: number) => ({ days, unit: 'working' as const });

describe('computeDeadline', () => {
  it('seed 004: 23:18 15.01.2025 in Kamchatka, fast-track → до 23:59 25.01.2025', () => {
    const deadline = computeDeadline({
      registeredAt: '2025-01-15T11:18:00Z',
      rule: calendarDays(10),
      timeZone: regionTimeZone('41'),
    });
    expect(deadline).toEqual({
      dueAt: '2025-01-25T11:59:00.000Z',
      registeredOn: '2025-01-15',
      lastDay: '2025-01-25',
      timeZone: 'Asia/Kamchatka',
      usedFallbackCalendar: false,
    });
    expect(deadlineLabel(deadline.dueAt, 'Asia/Kamchatka')).toBe('до 23:59 25.01.2025');
  });

  it('reads the registration in any offset and as a Date', () => {
    for (const registeredAt of [
      '2025-01-15T23:18:00+12:00',
      '2025-01-15T14:18:00+03:00',
      new Date('2025-01-15T11:18:00Z'),
    ]) {
      const { dueAt } = computeDeadline({
        registeredAt,
        rule: calendarDays(10),
        timeZone: 'Asia/Kamchatka',
      });
      expect(dueAt).toBe('2025-01-25T11:59:00.000Z');
    }
  });

  it('counts from the local registration date: 23:59:59 is still that day', () => {
    const at = (local: string) =>
      computeDeadline({ registeredAt: local, rule: calendarDays(10), timeZone: 'Asia/Kamchatka' })
        .lastDay;
    expect(at('2025-01-15T23:59:59.999+12:00')).toBe('2025-01-25');
    expect(at('2025-01-16T00:00:00+12:00')).toBe('2025-01-26');
  });

  it('gives 30 calendar days for a 59-ФЗ appeal', () => {
    const { lastDay } = computeDeadline({
      registeredAt: '2025-01-15T09:00:00+03:00',
      rule: calendarDays(30),
      timeZone: 'Europe/Moscow',
    });
    expect(lastDay).toBe('2025-02-14');
  });

  it('differs between Moscow and Vladivostok for the same instant', () => {
    const at = (registeredAt: string, timeZone: string) =>
      computeDeadline({ registeredAt, rule: calendarDays(10), timeZone });
    // 15:00 UTC: 18:00 on the 15th in Moscow, already 01:00 on the 16th in Vladivostok.
    expect(at('2025-01-15T15:00:00Z', 'Europe/Moscow').dueAt).toBe('2025-01-25T20:59:00.000Z');
    expect(at('2025-01-15T15:00:00Z', 'Asia/Vladivostok').dueAt).toBe('2025-01-26T13:59:00.000Z');
    // 05:00 UTC: the 15th in both; Vladivostok's 23:59 comes seven hours before Moscow's.
    expect(at('2025-01-15T05:00:00Z', 'Europe/Moscow').dueAt).toBe('2025-01-25T20:59:00.000Z');
    expect(at('2025-01-15T05:00:00Z', 'Asia/Vladivostok').dueAt).toBe('2025-01-25T13:59:00.000Z');
  });

  it('counts working days across the New Year holidays', () => {
    const at = (registeredAt: string, days: number) =>
      computeDeadline({ registeredAt, rule: workingDays(days), timeZone: 'Europe/Moscow' });
    expect(at('2024-12-27T10:00:00+03:00', 1).lastDay).toBe('2024-12-28'); // a working Saturday
    expect(at('2024-12-27T10:00:00+03:00', 2).lastDay).toBe('2025-01-09');
    expect(at('2025-12-29T10:00:00+03:00', 2).lastDay).toBe('2026-01-12');
    expect(at('2023-12-28T10:00:00+03:00', 3).lastDay).toBe('2024-01-10');
    expect(at('2024-12-27T10:00:00+03:00', 2).dueAt).toBe('2025-01-09T20:59:00.000Z');
  });

  it('counts the May holidays of 2025 and the working Saturday of 1 November', () => {
    const at = (registeredAt: string, days: number) =>
      computeDeadline({ registeredAt, rule: workingDays(days), timeZone: 'Europe/Moscow' }).lastDay;
    expect(at('2025-04-30T12:00:00+03:00', 5)).toBe('2025-05-13');
    expect(at('2025-10-31T12:00:00+03:00', 1)).toBe('2025-11-01');
    expect(at('2025-10-31T12:00:00+03:00', 2)).toBe('2025-11-05');
  });

  it('uses the calendar it is given and reports years it had to guess', () => {
    const bare = createProductionCalendar([], { includeShipped: false });
    const input = { registeredAt: '2025-01-06T12:00:00+03:00', timeZone: 'Europe/Moscow' };
    expect(computeDeadline({ ...input, rule: workingDays(1), calendar: bare })).toMatchObject({
      lastDay: '2025-01-07',
      usedFallbackCalendar: true,
    });
    expect(computeDeadline({ ...input, rule: workingDays(1) })).toMatchObject({
      lastDay: '2025-01-09',
      usedFallbackCalendar: false,
    });
    const late = { registeredAt: '2027-12-20T12:00:00+03:00', timeZone: 'Europe/Moscow' };
    expect(computeDeadline({ ...late, rule: workingDays(10) }).usedFallbackCalendar).toBe(true);
    expect(computeDeadline({ ...late, rule: calendarDays(30) }).usedFallbackCalendar).toBe(false);
  });

  it('works in zones with summer time too', () => {
    const { dueAt } = computeDeadline({
      registeredAt: '2025-03-25T10:00:00Z',
      rule: calendarDays(10),
      timeZone: 'Europe/Berlin',
    });
    expect(dueAt).toBe('2025-04-04T21:59:00.000Z'); // 23:59 CEST
  });

  it('refuses bad input', () => {
    const ok = { registeredAt: '2025-01-15T11:18:00Z', rule: calendarDays(10), timeZone: 'UTC' };
    expect(() => computeDeadline({ ...ok, rule: calendarDays(0) })).toThrow(RangeError);
    expect(() => computeDeadline({ ...ok, rule: workingDays(1.5) })).toThrow(RangeError);
    expect(() => computeDeadline({ ...ok, timeZone: 'Asia/Kamchatca' })).toThrow(RangeError);
    // Without an offset the instant would depend on the machine's zone.
    expect(() => computeDeadline({ ...ok, registeredAt: '2025-01-15T11:18:00' })).toThrow(
      RangeError,
    );
    expect(() => computeDeadline({ ...ok, registeredAt: new Date(Number.NaN) })).toThrow(
      RangeError,
    );
  });
});

describe('endOfLocalDay and localDateIn', () => {
  it('place 23:59 in the zone', () => {
    expect(endOfLocalDay('2025-01-25', 'Asia/Kamchatka')).toBe('2025-01-25T11:59:00.000Z');
    expect(endOfLocalDay('2025-01-25', 'Europe/Kaliningrad')).toBe('2025-01-25T21:59:00.000Z');
    expect(localDateIn('2025-01-15T12:00:00Z', 'Asia/Kamchatka')).toBe('2025-01-16');
    expect(localDateIn('2025-01-15T12:00:00Z', 'Europe/Kaliningrad')).toBe('2025-01-15');
  });
});

describe('dueSoonAt', () => {
  const registeredAt = '2025-01-15T11:18:00Z';
  const dueAt = '2025-01-25T11:59:00.000Z';

  it('is the instant a share of the time is gone', () => {
    expect(dueSoonAt(registeredAt, dueAt, 0.75)).toBe('2025-01-22T23:48:45.000Z');
    expect(dueSoonAt(registeredAt, dueAt, 0)).toBe('2025-01-15T11:18:00.000Z');
    expect(dueSoonAt(registeredAt, dueAt, 1)).toBe(dueAt);
  });

  it('refuses a share outside [0, 1] and a deadline before the registration', () => {
    expect(() => dueSoonAt(registeredAt, dueAt, 1.5)).toThrow(RangeError);
    expect(() => dueSoonAt(registeredAt, dueAt, Number.NaN)).toThrow(RangeError);
    expect(() => dueSoonAt(dueAt, registeredAt, 0.5)).toThrow(RangeError);
  });
});
