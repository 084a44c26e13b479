import { z } from 'zod';
import { localDateSchema, storableString } from '../schemas/primitives.js';
import { fromDayNumber, isWeekend, toDayNumber, weekdayOf, yearOf } from './local-date.js';

/**
 * Where a year of the production calendar comes from:
 * - `official`: the government's decree on transferring days off for that year
 *   (постановление Правительства РФ «О переносе выходных дней в … году»);
 * - `provisional`: published data we could not check against the decree itself;
 * - `derived`: computed from the Labour Code alone ({@link deriveCalendarYear}).
 */
export const calendarYearStatusSchema = z.enum(['official', 'provisional', 'derived']);
export type CalendarYearStatus = z.infer<typeof calendarYearStatusSchema>;

const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

function safeDayNumber(date: string): number | undefined {
  try {
    return toDayNumber(date);
  } catch {
    return undefined;
  }
}

/**
 * One year of a five-day-week production calendar (производственный календарь), stored as
 * the exceptions to "Monday to Friday are working days":
 *
 * - `nonWorkingDays`: Monday–Friday dates that are days off — public holidays (ТК РФ ст. 112)
 *   and days off moved onto a weekday, automatically or by the government's decree;
 * - `workingWeekendDays`: Saturdays and Sundays made working days by a transfer;
 * - `paidNonWorkingDays`: Monday–Friday dates the President declared «нерабочие дни с
 *   сохранением заработной платы» (2020 and 2021). They are not days off under the Labour
 *   Code and do not change the published count of working days; a calendar counts them as
 *   working unless created with `paidNonWorkingDaysAreOff`.
 *
 * Every date must lie in `year`. Pre-holiday shortened days are not modelled: deadlines count
 * whole days.
 */
export const calendarYearSchema = z
  .object({
    year: z.int().min(1000).max(9999),
    nonWorkingDays: z.array(localDateSchema),
    workingWeekendDays: z.array(localDateSchema).default([]),
    paidNonWorkingDays: z.array(localDateSchema).default([]),
    status: calendarYearStatusSchema.default('official'),
    /** The decree or publication the data follows, for people reading it. */
    source: storableString().max(500).optional(),
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    const check = (field: keyof typeof data, dates: string[], weekend: boolean) => {
      dates.forEach((date, index) => {
        const path = [field, index];
        const day = safeDayNumber(date);
        if (day === undefined) return; // the date format itself was already reported
        if (yearOf(day) !== data.year) {
          ctx.addIssue({ code: 'custom', path, message: `${date} is not in ${data.year}` });
        } else if (isWeekend(day) !== weekend) {
          const name = WEEKDAY_NAMES[weekdayOf(day)];
          const expected = weekend ? 'a Saturday or Sunday' : 'a Monday to Friday';
          ctx.addIssue({ code: 'custom', path, message: `${date} is a ${name}, not ${expected}` });
        }
        if (seen.has(date)) {
          ctx.addIssue({ code: 'custom', path, message: `${date} is listed twice` });
        }
        seen.add(date);
      });
    };
    check('nonWorkingDays', data.nonWorkingDays, false);
    check('workingWeekendDays', data.workingWeekendDays, true);
    check('paidNonWorkingDays', data.paidNonWorkingDays, false);
  });

/** A validated year of the production calendar. */
export type CalendarYearData = z.output<typeof calendarYearSchema>;
/** A year of the production calendar as a user writes it (defaults not yet applied). */
export type CalendarYearInput = z.input<typeof calendarYearSchema>;

/** Public holidays of ТК РФ ст. 112 as `MM-DD`; 1–8 January are the New Year holidays. */
export const PUBLIC_HOLIDAYS = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
] as const;

/**
 * A year of the calendar from the Labour Code alone, for years the government has not yet
 * decided: every public holiday on a weekday is a day off, and a holiday other than 1–8
 * January that falls on a Saturday or Sunday moves the day off to the next working day
 * (ТК РФ ст. 112 ч. 2). New Year holidays that fall on a weekend are moved by the yearly
 * decree, which is unknown here, so they are simply lost: a derived year usually has one or
 * two more working days than the decree will give it.
 *
 * @example
 * const calendar = createProductionCalendar([deriveCalendarYear(2028)]);
 * calendar.isWorkingDay('2028-06-12'); // false
 */
export function deriveCalendarYear(year: number): CalendarYearData {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`not a four-digit year: ${year}`);
  }
  const holidays = PUBLIC_HOLIDAYS.map((monthDay) => toDayNumber(`${year}-${monthDay}`));
  const off = new Set(holidays.filter((day) => !isWeekend(day)));
  for (const [index, day] of holidays.entries()) {
    if (index < 8 || !isWeekend(day)) continue;
    let next = day + 1;
    while (isWeekend(next) || off.has(next)) next += 1;
    // A transfer past 31 December would belong to next year's calendar; none occurs for the
    // current list of holidays, but guard so the data stays valid.
    if (yearOf(next) === year) off.add(next);
  }
  return {
    year,
    nonWorkingDays: [...off].sort((a, b) => a - b).map(fromDayNumber),
    workingWeekendDays: [],
    paidNonWorkingDays: [],
    status: 'derived',
    source: 'ТК РФ ст. 112 without a transfer decree (derived)',
  };
}
