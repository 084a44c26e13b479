import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  computeDeadline,
  countdownParts,
  dueSoonAt,
  extendDeadline,
  extensionLimit,
  localDateIn,
  pluralRu,
  productionCalendar,
  REGIONS,
} from '../../../src/kernel/deadlines/index.js';

const zones = [
  ...new Set(REGIONS.map((r) => r.timeZone)),
  'UTC',
  'Europe/Berlin',
  'America/New_York',
];

/** Instants from 2019-12-01 to 2028-01-31, so that rules also cross the calendar's edges. */
const instant = fc
  .integer({ min: Date.UTC(2019, 11, 1), max: Date.UTC(2028, 0, 31) })
  .map((ms) => new Date(ms).toISOString());
const zone = fc.constantFrom(...zones);
const unit = fc.constantFrom('calendar' as const, 'working' as const);
const days = fc.integer({ min: 1, max: 120 });
const ms = (iso: string) => Date.parse(iso);

describe('deadline properties', () => {
  it('a deadline is never before the registration', () => {
    fc.assert(
      fc.property(instant, zone, unit, days, (registeredAt, timeZone, u, n) => {
        const { dueAt } = computeDeadline({ registeredAt, rule: { days: n, unit: u }, timeZone });
        expect(ms(dueAt)).toBeGreaterThan(ms(registeredAt));
      }),
    );
  });

  it('more days never give an earlier deadline', () => {
    fc.assert(
      fc.property(instant, zone, unit, days, days, (registeredAt, timeZone, u, a, b) => {
        const at = (n: number) =>
          ms(computeDeadline({ registeredAt, rule: { days: n, unit: u }, timeZone }).dueAt);
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        expect(at(more)).toBeGreaterThanOrEqual(at(fewer));
        if (more > fewer) expect(at(more)).toBeGreaterThan(at(fewer));
      }),
    );
  });

  it('a working-day deadline falls on a working day of the zone, at 23:59 local', () => {
    fc.assert(
      fc.property(instant, zone, days, (registeredAt, timeZone, n) => {
        const deadline = computeDeadline({
          registeredAt,
          rule: { days: n, unit: 'working' },
          timeZone,
        });
        const localDay = localDateIn(deadline.dueAt, timeZone);
        expect(localDay).toBe(deadline.lastDay);
        expect(productionCalendar.isWorkingDay(localDay)).toBe(true);
        expect(productionCalendar.workingDaysBetween(deadline.registeredOn, localDay)).toBe(n);
      }),
    );
  });

  it('a calendar-day deadline is exactly `days` local dates after the registration', () => {
    fc.assert(
      fc.property(instant, zone, days, (registeredAt, timeZone, n) => {
        const deadline = computeDeadline({
          registeredAt,
          rule: { days: n, unit: 'calendar' },
          timeZone,
        });
        expect(deadline.registeredOn).toBe(localDateIn(registeredAt, timeZone));
        expect(localDateIn(deadline.dueAt, timeZone)).toBe(
          addCalendarDays(deadline.registeredOn, n),
        );
      }),
    );
  });

  it('dueSoon comes after the registration and before the deadline', () => {
    const share = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    fc.assert(
      fc.property(instant, zone, unit, days, share, (registeredAt, timeZone, u, n, s) => {
        const { dueAt } = computeDeadline({ registeredAt, rule: { days: n, unit: u }, timeZone });
        const soon = ms(dueSoonAt(registeredAt, dueAt, s));
        expect(soon).toBeGreaterThanOrEqual(ms(registeredAt));
        expect(soon).toBeLessThan(ms(dueAt));
      }),
    );
  });

  it('an extension never moves a deadline earlier, nor past 30 days', () => {
    const shift = fc.integer({ min: -90, max: 90 });
    fc.assert(
      fc.property(instant, zone, days, shift, (registeredAt, timeZone, n, by) => {
        const { dueAt, lastDay } = computeDeadline({
          registeredAt,
          rule: { days: n, unit: 'calendar' },
          timeZone,
        });
        const extended = ms(extendDeadline(dueAt, addCalendarDays(lastDay, by), timeZone));
        expect(extended).toBeGreaterThanOrEqual(ms(dueAt));
        expect(extended).toBeLessThanOrEqual(ms(extensionLimit(dueAt, timeZone)));
      }),
    );
  });
});

describe('calendar properties', () => {
  const date = fc
    .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2028, 11, 31) })
    .map((t) => new Date(t).toISOString().slice(0, 10));

  it('workingDaysBetween inverts addWorkingDays, both ways', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), (from, n) => {
        const to = productionCalendar.addWorkingDays(from, n);
        expect(productionCalendar.workingDaysBetween(from, to)).toBe(n);
        if (n !== 0) expect(productionCalendar.isWorkingDay(to)).toBe(true);
      }),
    );
  });
});

describe('Russian plurals and countdown properties', () => {
  const rules = new Intl.PluralRules('ru');
  const FORMS = ['one', 'few', 'many'] as const;

  it('pluralRu agrees with Intl.PluralRules("ru") on integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => {
        const category = rules.select(Math.abs(n));
        expect(pluralRu(n, FORMS)).toBe(category);
      }),
      { numRuns: 1000 },
    );
  });

  it('countdown parts add up to the whole duration', () => {
    fc.assert(
      fc.property(instant, instant, (now, dueAt) => {
        const parts = countdownParts(now, dueAt);
        expect(parts.overdue).toBe(ms(now) > ms(dueAt));
        expect(parts.days * 1440 + parts.hours * 60 + parts.minutes).toBe(parts.totalMinutes);
        expect(parts.hours).toBeLessThan(24);
        expect(parts.minutes).toBeLessThan(60);
        expect(parts.totalMinutes).toBe(Math.floor(Math.abs(ms(dueAt) - ms(now)) / 60_000));
      }),
    );
  });
});
