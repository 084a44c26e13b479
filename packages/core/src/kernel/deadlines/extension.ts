import { endOfLocalDay } from './deadline.js';
import { type InstantInput, localDateIn, toEpochMs, toIso } from './instant.js';
import { addCalendarDays, toDayNumber } from './local-date.js';

/**
 * 59-ФЗ ст. 12 ч. 2: the head may extend the time to answer by no more than 30 days, telling
 * the applicant. That the extension happens once, who asks and who approves is the workflow's
 * business; these helpers only fix the arithmetic: an extended deadline still ends at 23:59
 * local time, lies at most `maxDays` calendar days after the current one, and is never earlier.
 */
export const MAX_EXTENSION_DAYS = 30;

/**
 * The requested new deadline: a local date (`'2025-02-24'`, meaning 23:59 that day) or an
 * instant, of which only the local date counts.
 */
export type ExtensionTarget = string | Date;

/** Whether a requested extension is acceptable, and the deadline it gives. */
export type ExtensionCheck =
  | { ok: true; dueAt: string; days: number }
  | { ok: false; reason: 'not_later' | 'too_long'; days: number; limit: string };

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function targetDate(until: ExtensionTarget, timeZone: string): string {
  return typeof until === 'string' && LOCAL_DATE.test(until) ? until : localDateIn(until, timeZone);
}

/**
 * The latest deadline an extension may give: 23:59 local time, `maxDays` calendar days after
 * the current deadline's local date.
 *
 * @example
 * extensionLimit('2025-01-25T11:59:00Z', 'Asia/Kamchatka'); // '2025-02-24T11:59:00.000Z'
 */
export function extensionLimit(
  dueAt: InstantInput,
  timeZone: string,
  maxDays: number = MAX_EXTENSION_DAYS,
): string {
  if (!Number.isInteger(maxDays) || maxDays < 0) {
    throw new RangeError(`maxDays must be a whole number ≥ 0, got ${maxDays}`);
  }
  return endOfLocalDay(addCalendarDays(localDateIn(dueAt, timeZone), maxDays), timeZone);
}

/**
 * Checks an extension request `{ until }` against the current deadline: it must move the
 * deadline later, by at most `maxDays` calendar days. `days` is the length of the extension
 * in calendar days (local dates).
 *
 * @example
 * checkExtension('2025-01-25T11:59:00Z', '2025-02-10', 'Asia/Kamchatka');
 * // { ok: true, dueAt: '2025-02-10T11:59:00.000Z', days: 16 }
 * checkExtension('2025-01-25T11:59:00Z', '2025-03-10', 'Asia/Kamchatka');
 * // { ok: false, reason: 'too_long', days: 44, limit: '2025-02-24T11:59:00.000Z' }
 */
export function checkExtension(
  dueAt: InstantInput,
  until: ExtensionTarget,
  timeZone: string,
  maxDays: number = MAX_EXTENSION_DAYS,
): ExtensionCheck {
  const limit = extensionLimit(dueAt, timeZone, maxDays);
  const date = targetDate(until, timeZone);
  const days = toDayNumber(date) - toDayNumber(localDateIn(dueAt, timeZone));
  const next = endOfLocalDay(date, timeZone);
  if (toEpochMs(next) <= toEpochMs(dueAt)) return { ok: false, reason: 'not_later', days, limit };
  if (days > maxDays) return { ok: false, reason: 'too_long', days, limit };
  return { ok: true, dueAt: next, days };
}

/**
 * The deadline after an approved extension, clamped so that it is never earlier than the
 * current one and never past {@link extensionLimit}. Use {@link checkExtension} to refuse a bad
 * request instead of clamping it.
 *
 * @example
 * extendDeadline('2025-01-25T11:59:00Z', '2025-03-10', 'Asia/Kamchatka');
 * // '2025-02-24T11:59:00.000Z' (30 days at most)
 */
export function extendDeadline(
  dueAt: InstantInput,
  until: ExtensionTarget,
  timeZone: string,
  maxDays: number = MAX_EXTENSION_DAYS,
): string {
  const current = toEpochMs(dueAt);
  const limit = toEpochMs(extensionLimit(dueAt, timeZone, maxDays));
  const wanted = toEpochMs(endOfLocalDay(targetDate(until, timeZone), timeZone));
  return toIso(Math.max(current, Math.min(wanted, limit)));
}
