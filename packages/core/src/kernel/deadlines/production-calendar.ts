import {
  type CalendarYearData,
  type CalendarYearInput,
  calendarYearSchema,
} from './calendar-year.js';
import { fromDayNumber, isWeekend, toDayNumber } from './local-date.js';
import { SHIPPED_CALENDAR_YEARS } from './production-calendar-data.js';

/** A sanity bound on `addWorkingDays`, about a century of working days. */
const MAX_WORKING_DAYS = 25_000;

/** Options of {@link createProductionCalendar}. */
export interface ProductionCalendarOptions {
  /**
   * Start from the calendar shipped with reshaem (2020–2027) and lay `years` over it.
   * Default `true`; `false` uses only the years given.
   */
  includeShipped?: boolean;
  /**
   * Count the President's paid non-working days of 2020 and 2021 (the pandemic weeks,
   * 24 June and 1 July 2020) as days off. Default `false`: they stay working days, as in the
   * published production calendars and their working-day counts.
   */
  paidNonWorkingDaysAreOff?: boolean;
}

/**
 * The production calendar: which local dates are working days in a five-day week.
 *
 * A date in a year the calendar does not know falls back to "Monday to Friday work" —
 * holidays are then ignored, so check {@link ProductionCalendar.isKnownYear} when it matters
 * or supply the year (for instance {@link deriveCalendarYear}).
 */
export interface ProductionCalendar {
  /** The years the calendar has data for, ascending. */
  readonly knownYears: readonly number[];
  /** Whether `year` has data; other years fall back to weekends only. */
  isKnownYear(year: number): boolean;
  /** The data of a known year. */
  yearData(year: number): CalendarYearData | undefined;
  /** Whether a `YYYY-MM-DD` date is a working day. */
  isWorkingDay(date: string): boolean;
  /**
   * The `n`-th working day after `date` (`date` itself does not count, whether working or
   * not); a negative `n` counts back, `0` returns `date`.
   */
  addWorkingDays(date: string, n: number): string;
  /**
   * The working days after `from` up to and including `to`. When `to` is before `from` it is
   * minus the working days from `to` (included) up to `from` (excluded). Either way it inverts
   * `addWorkingDays`: `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  workingDaysBetween(from: string, to: string): number;
  /** The working days of a whole year. */
  workingDaysInYear(year: number): number;
  /** A new calendar with these years added, replacing years it already has. */
  withYears(years: readonly CalendarYearInput[]): ProductionCalendar;
}

/**
 * A production calendar: the shipped Russian calendar for 2020–2027 with `years` laid over
 * it (a later entry for the same year replaces an earlier one, and any user year replaces
 * the shipped one). User years are validated with {@link calendarYearSchema}; invalid data
 * throws a `ZodError` listing every problem.
 *
 * @example
 * const calendar = createProductionCalendar();
 * calendar.isWorkingDay('2025-01-08'); // false: New Year holidays
 * calendar.isWorkingDay('2025-11-01'); // true: a working Saturday
 * calendar.addWorkingDays('2024-12-27', 2); // '2025-01-09'
 *
 * @example
 * // A region or organisation with its own rules, or next year's decree:
 * const custom = createProductionCalendar([
 *   { year: 2028, nonWorkingDays: ['2028-01-03', '2028-01-04'], workingWeekendDays: [] },
 * ]);
 */
export function createProductionCalendar(
  years: readonly CalendarYearInput[] = [],
  options: ProductionCalendarOptions = {},
): ProductionCalendar {
  const parsed = years.map((year) => calendarYearSchema.parse(year));
  const base = options.includeShipped === false ? [] : SHIPPED_CALENDAR_YEARS;
  return build([...base, ...parsed], options.paidNonWorkingDaysAreOff === true);
}

function build(entries: readonly CalendarYearData[], paidOff: boolean): ProductionCalendar {
  const byYear = new Map<number, CalendarYearData>();
  for (const entry of entries) byYear.set(entry.year, entry);

  // Exceptions to the weekend rule, keyed by day number.
  const off = new Set<number>();
  const on = new Set<number>();
  for (const entry of byYear.values()) {
    for (const date of entry.nonWorkingDays) off.add(toDayNumber(date));
    for (const date of entry.workingWeekendDays) on.add(toDayNumber(date));
    if (paidOff) for (const date of entry.paidNonWorkingDays) off.add(toDayNumber(date));
  }
  const isWorking = (day: number) => !off.has(day) && (on.has(day) || !isWeekend(day));

  const addWorkingDays = (date: string, n: number): string => {
    if (!Number.isInteger(n) || Math.abs(n) > MAX_WORKING_DAYS) {
      throw new RangeError(`not a whole number of days within ±${MAX_WORKING_DAYS}: ${n}`);
    }
    let day = toDayNumber(date);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; ) {
      day += step;
      if (isWorking(day)) left -= 1;
    }
    return fromDayNumber(day);
  };

  // Counts the working days landed on when stepping from `from` to `to`: (from, to] forwards,
  // [to, from) backwards, so that it inverts addWorkingDays in both directions.
  const countBetween = (from: number, to: number): number => {
    let count = 0;
    if (from <= to) {
      for (let day = from + 1; day <= to; day += 1) if (isWorking(day)) count += 1;
      return count;
    }
    for (let day = to; day < from; day += 1) if (isWorking(day)) count += 1;
    return -count;
  };

  const knownYears = [...byYear.keys()].sort((a, b) => a - b);
  return {
    knownYears,
    isKnownYear: (year) => byYear.has(year),
    yearData: (year) => byYear.get(year),
    isWorkingDay: (date) => isWorking(toDayNumber(date)),
    addWorkingDays,
    workingDaysBetween: (from, to) => countBetween(toDayNumber(from), toDayNumber(to)),
    workingDaysInYear: (year) => {
      const first = toDayNumber(`${year}-01-01`);
      return countBetween(first - 1, toDayNumber(`${year}-12-31`));
    },
    withYears: (more) => {
      const parsed = more.map((year) => calendarYearSchema.parse(year));
      return build([...byYear.values(), ...parsed], paidOff);
    },
  };
}

/**
 * The shipped calendar with default options, shared so that callers need not build their own.
 *
 * @example
 * productionCalendar.isKnownYear(2025); // true
 */
export const productionCalendar: ProductionCalendar = createProductionCalendar();
