import { deadlineLabel } from './deadline.js';
import { type InstantInput, toEpochMs } from './instant.js';
import { countRu, type RussianPluralForms } from './plural-ru.js';

const DAY: RussianPluralForms = ['день', 'дня', 'дней'];
const HOUR: RussianPluralForms = ['час', 'часа', 'часов'];
const MINUTE: RussianPluralForms = ['минута', 'минуты', 'минут'];

/** The time left before a deadline, or past it, in whole minutes. */
export interface CountdownParts {
  /** `now` is after the deadline. At the deadline's own instant it is not yet overdue. */
  overdue: boolean;
  /** Whole periods of 24 hours (not calendar dates). */
  days: number;
  hours: number;
  minutes: number;
  /** The whole duration in minutes, rounded down. */
  totalMinutes: number;
}

/**
 * The time between `now` and `dueAt` split into days, hours and minutes, rounded down to the
 * minute: a countdown never promises more time than is left, nor reports more lateness than
 * has passed.
 *
 * @example
 * countdownParts('2025-01-16T09:20:00+12:00', '2025-01-25T23:59:00+12:00');
 * // { overdue: false, days: 9, hours: 14, minutes: 39, totalMinutes: 13839 }
 */
export function countdownParts(now: InstantInput, dueAt: InstantInput): CountdownParts {
  const diff = toEpochMs(dueAt) - toEpochMs(now);
  const totalMinutes = Math.floor(Math.abs(diff) / 60_000);
  return {
    overdue: diff < 0,
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
    totalMinutes,
  };
}

/**
 * A duration in Russian with correct plurals: «9 дней 14 часов 39 минут». Leading zero units
 * are dropped («14 часов 39 минут», «39 минут»); once a unit is shown the smaller ones follow
 * even when zero («2 дня 0 часов 5 минут»), so a ticking countdown keeps its shape. Under a
 * minute it is «менее минуты».
 *
 * @example
 * formatDurationRu({ days: 1, hours: 2, minutes: 5 }); // '1 день 2 часа 5 минут'
 */
export function formatDurationRu(
  parts: Pick<CountdownParts, 'days' | 'hours' | 'minutes'>,
): string {
  const { days, hours, minutes } = parts;
  if (days > 0) return `${countRu(days, DAY)} ${countRu(hours, HOUR)} ${countRu(minutes, MINUTE)}`;
  if (hours > 0) return `${countRu(hours, HOUR)} ${countRu(minutes, MINUTE)}`;
  if (minutes > 0) return countRu(minutes, MINUTE);
  return 'менее минуты';
}

/**
 * The countdown people see next to a message, with the deadline in the zone's local time:
 * «9 дней 14 часов 39 минут / до 23:59 25.01.2025», and once it has passed
 * «просрочено на 2 дня 3 часа 5 минут / до 23:59 25.01.2025» (in its first minute «просрочено
 * менее чем на минуту»). `now` is an input: the caller owns the clock.
 *
 * @example
 * formatCountdown('2025-01-15T21:20:00Z', '2025-01-25T11:59:00Z', 'Asia/Kamchatka');
 * // '9 дней 14 часов 39 минут / до 23:59 25.01.2025'
 * formatCountdown('2025-01-27T15:04:00Z', '2025-01-25T11:59:00Z', 'Asia/Kamchatka');
 * // 'просрочено на 2 дня 3 часа 5 минут / до 23:59 25.01.2025'
 */
export function formatCountdown(now: InstantInput, dueAt: InstantInput, timeZone: string): string {
  const parts = countdownParts(now, dueAt);
  const label = deadlineLabel(dueAt, timeZone);
  if (!parts.overdue) return `${formatDurationRu(parts)} / ${label}`;
  if (parts.totalMinutes === 0) return `просрочено менее чем на минуту / ${label}`;
  return `просрочено на ${formatDurationRu(parts)} / ${label}`;
}
