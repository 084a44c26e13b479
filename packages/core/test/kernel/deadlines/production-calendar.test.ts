import { describe, expect, it } from 'vitest';
import {
  productionCalendar as calendar,
  createProductionCalendar,
  deriveCalendarYear,
  SHIPPED_CALENDAR_YEARS,
} from '../../../src/kernel/deadlines/index.js';

describe('the shipped production calendar', () => {
  // Published working days of a five-day week (Минтруд, КонсультантПлюс); 2027 is
  // provisional (xmlcalendar.ru, 2026-09-02).
  const published: Record<number, number> = {
    2020: 248,
    2021: 247,
    2022: 247,
    2023: 247,
    2024: 248,
    2025: 247,
    2026: 247,
    2027: 247,
  };

  it.each(Object.entries(published))('%s has %i working days', (year, days) => {
    expect(calendar.workingDaysInYear(Number(year))).toBe(days);
    expect(calendar.workingDaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`)).toBe(days);
  });

  it('knows 2020 to 2027 and nothing else', () => {
    expect(calendar.knownYears).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(calendar.isKnownYear(2019)).toBe(false);
    expect(calendar.isKnownYear(2028)).toBe(false);
    expect(calendar.yearData(2027)?.status).toBe('provisional');
    expect(calendar.yearData(2025)?.status).toBe('official');
  });

  it('the shipped data is frozen', () => {
    const first = SHIPPED_CALENDAR_YEARS[0]!;
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.nonWorkingDays)).toBe(true);
  });

  it('the shipped data passes its own schema', () => {
    expect(() =>
      createProductionCalendar(SHIPPED_CALENDAR_YEARS.map((y) => ({ ...y }))),
    ).not.toThrow();
  });

  it.each([
    ['2025-01-01', false, 'New Year'],
    ['2025-01-08', false, 'New Year holidays'],
    ['2025-01-09', true, 'first working day of 2025'],
    ['2025-02-24', true, 'Sun 23 Feb 2025 was moved to 8 May, not to Monday'],
    ['2025-03-10', true, 'Sat 8 Mar 2025 was moved to 13 June'],
    ['2025-05-02', false, '← Sat 4 Jan'],
    ['2025-05-08', false, '← Sun 23 Feb'],
    ['2025-06-13', false, '← Sat 8 Mar'],
    ['2025-11-01', true, 'a working Saturday'],
    ['2025-11-03', false, '← Sat 1 Nov'],
    ['2025-12-31', false, '← Sun 5 Jan'],
    ['2024-04-27', true, 'a working Saturday'],
    ['2024-11-02', true, 'a working Saturday'],
    ['2024-12-28', true, 'a working Saturday'],
    ['2024-12-30', false, '← Sat 28 Dec'],
    ['2024-12-31', false, '← Sun 7 Jan'],
    ['2021-02-20', true, 'a working Saturday'],
    ['2022-03-05', true, 'a working Saturday'],
    ['2023-11-06', false, 'Sat 4 Nov, moved by the Labour Code'],
    ['2026-01-09', false, '← Sat 3 Jan'],
    ['2026-12-31', false, '← Sun 4 Jan'],
    ['2020-04-15', true, 'a paid non-working day, counted as working by default'],
    ['2020-06-24', true, 'the Victory Parade day, counted as working by default'],
    ['2025-01-11', false, 'an ordinary Saturday'],
    ['2025-01-15', true, 'an ordinary Wednesday'],
  ])('%s working: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it.each([
    ['2024-12-27', 1, '2024-12-28'], // Saturday 28 Dec 2024 was a working day
    ['2024-12-27', 2, '2025-01-09'],
    ['2024-12-28', 1, '2025-01-09'],
    ['2020-12-31', 1, '2021-01-11'],
    ['2021-12-30', 1, '2022-01-10'],
    ['2022-12-30', 1, '2023-01-09'],
    ['2023-12-29', 1, '2024-01-09'],
    ['2025-12-30', 1, '2026-01-12'],
    ['2026-12-30', 1, '2027-01-11'],
    ['2025-04-30', 5, '2025-05-13'],
    ['2025-10-31', 1, '2025-11-01'], // a working Saturday counts
    ['2025-01-11', 1, '2025-01-13'], // from a Saturday, the next Monday
    ['2025-01-15', 0, '2025-01-15'],
    ['2025-01-09', -1, '2024-12-28'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
    expect(calendar.workingDaysBetween(from, expected)).toBe(n);
  });

  it('falls back to Monday–Friday outside the known years', () => {
    expect(calendar.isWorkingDay('2019-12-31')).toBe(true);
    expect(calendar.isWorkingDay('2028-01-03')).toBe(true); // a Monday; holidays unknown
    expect(calendar.isWorkingDay('2028-01-01')).toBe(false); // a Saturday
    expect(calendar.addWorkingDays('2019-12-31', 1)).toBe('2020-01-09');
  });

  it('rejects malformed dates and counts', () => {
    expect(() => calendar.isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('25.01.2025')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-01-15', 1.5)).toThrow(RangeError);
  });
});

describe('paid non-working days (2020, 2021)', () => {
  const strict = createProductionCalendar([], { paidNonWorkingDaysAreOff: true });

  it('are days off on request', () => {
    expect(strict.isWorkingDay('2020-04-15')).toBe(false);
    expect(strict.isWorkingDay('2020-07-01')).toBe(false);
    expect(strict.isWorkingDay('2021-11-02')).toBe(false);
    // 29 weekdays in 2020 (30 Mar – 8 May, 24 Jun, 1 Jul); 7 in 2021 (4–7 May, 1–3 Nov).
    expect(strict.workingDaysInYear(2020)).toBe(248 - 29);
    expect(strict.workingDaysInYear(2021)).toBe(247 - 7);
    expect(strict.addWorkingDays('2020-03-27', 1)).toBe('2020-05-12');
  });
});

describe('user-supplied years', () => {
  it('add a year and replace a shipped one, the later entry winning', () => {
    const custom = createProductionCalendar([
      { year: 2028, nonWorkingDays: ['2028-01-03'] },
      { year: 2025, nonWorkingDays: ['2025-01-09'] },
      { year: 2025, nonWorkingDays: ['2025-01-10'], workingWeekendDays: ['2025-01-11'] },
    ]);
    expect(custom.isKnownYear(2028)).toBe(true);
    expect(custom.isWorkingDay('2028-01-03')).toBe(false);
    expect(custom.isWorkingDay('2025-01-08')).toBe(true); // the shipped 2025 is gone
    expect(custom.isWorkingDay('2025-01-09')).toBe(true);
    expect(custom.isWorkingDay('2025-01-10')).toBe(false);
    expect(custom.isWorkingDay('2025-01-11')).toBe(true);
    expect(custom.isWorkingDay('2024-12-30')).toBe(false); // other years untouched
  });

  it('withYears returns a new calendar and leaves the old one alone', () => {
    const next = calendar.withYears([deriveCalendarYear(2028)]);
    expect(next.isKnownYear(2028)).toBe(true);
    expect(next.isWorkingDay('2028-01-03')).toBe(false);
    expect(calendar.isKnownYear(2028)).toBe(false);
  });

  it('can leave the shipped years out', () => {
    const bare = createProductionCalendar([], { includeShipped: false });
    expect(bare.knownYears).toEqual([]);
    expect(bare.isWorkingDay('2025-01-08')).toBe(true);
  });

  it('are validated', () => {
    const bad = (year: object) => () => createProductionCalendar([year as never]);
    expect(bad({ year: 2028, nonWorkingDays: ['2028-01-01'] })).toThrow(/Saturday/);
    expect(bad({ year: 2028, nonWorkingDays: ['2029-01-03'] })).toThrow(/not in 2028/);
    expect(bad({ year: 2028, nonWorkingDays: ['2028-01-03', '2028-01-03'] })).toThrow(/twice/);
    expect(bad({ year: 2028, nonWorkingDays: [], workingWeekendDays: ['2028-01-03'] })).toThrow(
      /Monday/,
    );
    expect(bad({ year: 2028, nonWorkingDays: ['2028-13-01'] })).toThrow();
    expect(bad({ year: 2028 })).toThrow();
  });
});

describe('deriveCalendarYear (ТК РФ ст. 112 only)', () => {
  it('matches decree years where the decree only moved the New Year weekend days', () => {
    const shipped2026 = calendar.yearData(2026)!.nonWorkingDays;
    const derived2026 = deriveCalendarYear(2026).nonWorkingDays;
    const decreeOnly2026 = ['2026-01-09', '2026-12-31'];
    expect(derived2026).toEqual(shipped2026.filter((d) => !decreeOnly2026.includes(d)));
  });

  it('moves a weekend holiday to the next working day, skipping other holidays', () => {
    const y2027 = deriveCalendarYear(2027);
    expect(y2027.nonWorkingDays).toContain('2027-05-03'); // Sat 1 May
    expect(y2027.nonWorkingDays).toContain('2027-05-10'); // Sun 9 May
    expect(y2027.nonWorkingDays).toContain('2027-06-14'); // Sat 12 Jun
    expect(y2027.status).toBe('derived');
    // Without the decree, Sat 2 and Sun 3 January are lost: two more working days.
    const derived = createProductionCalendar([y2027]);
    expect(derived.workingDaysInYear(2027)).toBe(249);
  });

  it('rejects a year that is not a four-digit integer', () => {
    expect(() => deriveCalendarYear(99)).toThrow(RangeError);
  });
});
