import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import type { DeadlineRule } from '../schemas/catalogue.js';
import { assertTimeZone, type InstantInput, localDateIn, toEpochMs, toIso } from './instant.js';
import { addCalendarDays, toDayNumber } from './local-date.js';
import { type ProductionCalendar, productionCalendar } from './production-calendar.js';

/**
 * The local time a deadline ends at on its last day. ПОС shows «до 23:59 25.01.2025», so the
 * deadline is 23:59:00.000 local: what people see is exactly the instant that counts, and a
 * message answered at 23:59:30 is late, as the label says.
 */
export const DEADLINE_TIME = '23:59:00';

/** What {@link computeDeadline} needs. */
export interface DeadlineInput {
  /** When the message was registered (ISO 8601 with an offset, or a `Date`). */
  registeredAt: InstantInput;
  /** The subcategory's rule: `days` ≥ 1, counted in `calendar` or `working` days. */
  rule: DeadlineRule;
  /** IANA zone of the holding organisation's region, e.g. from `regionTimeZone`. */
  timeZone: string;
  /** For working-day rules; defaults to the shipped Russian production calendar. */
  calendar?: ProductionCalendar;
}

/** A computed response deadline. */
export interface Deadline {
  /** The deadline: 23:59 local time of `lastDay`, as a UTC ISO string. */
  dueAt: string;
  /** The local date of registration, day 0 of the count. */
  registeredOn: string;
  /** The local date the deadline falls on. */
  lastDay: string;
  timeZone: string;
  /**
   * For a working-day rule, whether some year between `registeredOn` and `lastDay` is unknown
   * to the calendar, so that weekends alone were counted there. Always `false` for calendar
   * days.
   */
  usedFallbackCalendar: boolean;
}

/**
 * The response deadline of a message («Срок ответа»).
 *
 * The registration day is day 0 in the zone's local calendar, and the deadline ends at 23:59
 * local time of the last day:
 * - `calendar` days: the last day is registration day + `days`, whatever day of the week it
 *   is (ПОС does not move it off a weekend: its own example ends on Saturday 25.01.2025);
 * - `working` days: the `days`-th working day after the registration day in the production
 *   calendar, so the deadline always falls on a working day.
 *
 * Throws a `RangeError` for a malformed instant, an unknown zone, or `days` that is not a
 * whole number ≥ 1.
 *
 * @example
 * // Seed 004: received 23:18 15.01.2025 in Kamchatka, fast-track, 10 calendar days.
 * computeDeadline({
 *   registeredAt: '2025-01-15T11:18:00Z',
 *   rule: { days: 10, unit: 'calendar' },
 *   timeZone: 'Asia/Kamchatka',
 * }).dueAt; // '2025-01-25T11:59:00.000Z', «до 23:59 25.01.2025»
 *
 * @example
 * computeDeadline({
 *   registeredAt: '2024-12-27T09:00:00+03:00',
 *   rule: { days: 2, unit: 'working' },
 *   timeZone: 'Europe/Moscow',
 * }).lastDay; // '2025-01-09': Saturday 28.12.2024 worked, then the New Year holidays
 */
export function computeDeadline(input: DeadlineInput): Deadline {
  const { rule, timeZone } = input;
  if (!Number.isInteger(rule.days) || rule.days < 1) {
    throw new RangeError(`a deadline rule counts a whole number of days ≥ 1, got ${rule.days}`);
  }
  const registeredOn = localDateIn(input.registeredAt, timeZone);
  let lastDay: string;
  let usedFallbackCalendar = false;
  if (rule.unit === 'working') {
    const calendar = input.calendar ?? productionCalendar;
    lastDay = calendar.addWorkingDays(registeredOn, rule.days);
    for (let year = yearOf(registeredOn); year <= yearOf(lastDay); year += 1) {
      if (!calendar.isKnownYear(year)) usedFallbackCalendar = true;
    }
  } else {
    lastDay = addCalendarDays(registeredOn, rule.days);
  }
  return {
    dueAt: endOfLocalDay(lastDay, timeZone),
    registeredOn,
    lastDay,
    timeZone,
    usedFallbackCalendar,
  };
}

/**
 * 23:59 local time of a `YYYY-MM-DD` date in a zone, as a UTC ISO string: the instant a
 * deadline on that day ends.
 *
 * @example
 * endOfLocalDay('2025-01-25', 'Asia/Kamchatka'); // '2025-01-25T11:59:00.000Z'
 */
export function endOfLocalDay(date: string, timeZone: string): string {
  assertTimeZone(timeZone);
  toDayNumber(date); // throws a RangeError for anything but a real YYYY-MM-DD date
  return fromZonedTime(`${date}T${DEADLINE_TIME}`, timeZone).toISOString();
}

/**
 * The label people see for a deadline: «до 23:59 25.01.2025», in the zone's local time.
 *
 * @example
 * deadlineLabel('2025-01-25T11:59:00Z', 'Asia/Kamchatka'); // 'до 23:59 25.01.2025'
 */
export function deadlineLabel(dueAt: InstantInput, timeZone: string): string {
  assertTimeZone(timeZone);
  return formatInTimeZone(toEpochMs(dueAt), timeZone, "'до' HH:mm dd.MM.yyyy");
}

/**
 * The instant a message becomes `due_soon`: when `share` of the time between registration and
 * deadline is gone (0.75 → three quarters). Rounded down to the millisecond, so for
 * `share < 1` it always precedes the deadline. Throws a `RangeError` for a share outside
 * [0, 1] or a deadline before the registration.
 *
 * @example
 * dueSoonAt('2025-01-15T11:18:00Z', '2025-01-25T11:59:00Z', 0.75);
 * // '2025-01-22T23:48:45.000Z'
 */
export function dueSoonAt(registeredAt: InstantInput, dueAt: InstantInput, share: number): string {
  if (!(share >= 0 && share <= 1)) {
    throw new RangeError(`share must lie in [0, 1], got ${share}`);
  }
  const start = toEpochMs(registeredAt);
  const end = toEpochMs(dueAt);
  if (end < start) throw new RangeError('the deadline precedes the registration');
  return toIso(start + Math.floor((end - start) * share));
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
