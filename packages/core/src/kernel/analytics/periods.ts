import { fromDayNumber, toDayNumber, weekdayOf } from '../deadlines/local-date.js';
import { findRegion } from '../deadlines/regions.js';
import type { Directory } from '../notifications/directory.js';

/** The groupings by time that both workflows' indicators share. */
export type PeriodGrouping = 'day' | 'week' | 'month';

const isPeriod = (groupBy: string): groupBy is PeriodGrouping =>
  groupBy === 'day' || groupBy === 'week' || groupBy === 'month';

/** The Monday of the ISO week a local date falls in. */
export function weekOf(date: string): string {
  const day = toDayNumber(date);
  return fromDayNumber(day - ((weekdayOf(day) + 6) % 7));
}

/** The group a local date falls in: the date itself, its week (its Monday) or `YYYY-MM`. */
export function periodKeyOf(date: string, groupBy: PeriodGrouping): string {
  if (groupBy === 'day') return date;
  return groupBy === 'week' ? weekOf(date) : date.slice(0, 7);
}

/** Every day, week or month the period touches, in order; `null` for the other groupings. */
export function periodKeys(query: { from: string; to: string; groupBy: string }): string[] | null {
  const { from, to, groupBy } = query;
  if (!isPeriod(groupBy)) return null;
  const keys: string[] = [];
  const last = toDayNumber(to);
  for (let day = toDayNumber(from); day <= last; day += 1) {
    const key = periodKeyOf(fromDayNumber(day), groupBy);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}

const months = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

const ruDate = (date: string) => date.split('-').reverse().join('.');

/** A period's key as people read it: «05.02.2025», «неделя с 03.02.2025», «февраль 2025». */
export function periodLabel(groupBy: PeriodGrouping, key: string): string {
  if (groupBy === 'day') return ruDate(key);
  if (groupBy === 'week') return `неделя с ${ruDate(key)}`;
  return `${months[Number(key.slice(5, 7)) - 1] ?? key.slice(5, 7)} ${key.slice(0, 4)}`;
}

/** The groupings both workflows' indicators share: by region, category or period. */
export type SharedGrouping = 'region' | 'category' | PeriodGrouping;

/** A shared grouping's key as people read it: the region's or category's name, or the period. */
export function sharedGroupLabel(
  groupBy: SharedGrouping,
  key: string,
  directory: Directory,
): string {
  if (groupBy === 'region') return findRegion(key)?.name ?? key;
  if (groupBy === 'category') {
    return directory.catalogue.categories.find((c) => c.id === key)?.name ?? key;
  }
  return periodLabel(groupBy, key);
}
