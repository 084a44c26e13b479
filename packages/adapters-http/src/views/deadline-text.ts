import { countdownParts, deadlineLabel, formatCountdown } from '@reshaem/core';

/**
 * Memoised deadline texts. Formatting a date in a zone costs tens of microseconds, and the
 * same deadline is shown again and again; a countdown depends on `now` only through the
 * whole minutes left (or past), so keying on those returns exactly what `formatCountdown`
 * would. The caches are bounded and simply start over when full.
 */
const MAX_ENTRIES = 10_000;
const labels = new Map<string, string>();
const countdowns = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, make: () => string): string {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
}

/** «до 23:59 25.01.2025». */
export const labelOf = (dueAt: string, timeZone: string): string =>
  remember(labels, `${dueAt}|${timeZone}`, () => deadlineLabel(dueAt, timeZone));

/** «9 дней 14 часов 39 минут / до 23:59 25.01.2025», or «просрочено на …». */
export function countdownOf(now: Date, dueAt: string, timeZone: string): string {
  const { overdue, totalMinutes } = countdownParts(now, dueAt);
  return remember(countdowns, `${dueAt}|${timeZone}|${overdue}|${totalMinutes}`, () =>
    formatCountdown(now, dueAt, timeZone),
  );
}
