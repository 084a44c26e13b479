/**
 * Calendar dates without a time (`YYYY-MM-DD`) as plain day numbers.
 *
 * Deadlines count days in a region's local calendar, so the arithmetic here never touches a
 * time zone: a date is the number of days since 1970-01-01 in the proleptic Gregorian
 * calendar, computed with `Date.UTC`, which is the same on every machine.
 */

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of the week as JavaScript numbers it: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * The day number of a `YYYY-MM-DD` date; throws a `RangeError` for anything else,
 * including dates that do not exist (`2025-02-29`).
 *
 * @example
 * toDayNumber('1970-01-02'); // 1
 */
export function toDayNumber(date: string): number {
  const match = LOCAL_DATE.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const ms = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2025-02-30 over to March; a round trip catches it.
    const check = new Date(ms);
    if (check.getUTCMonth() === month - 1 && check.getUTCDate() === day && year >= 1000) {
      return ms / MS_PER_DAY;
    }
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/**
 * The `YYYY-MM-DD` date of a day number.
 *
 * @example
 * fromDayNumber(20_103); // '2025-01-15'
 */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

/** Saturday or Sunday. */
export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** The Gregorian year a day number falls in. */
export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/**
 * `date` plus `days` calendar days (negative goes back).
 *
 * @example
 * addCalendarDays('2025-01-15', 10); // '2025-01-25'
 */
export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}
