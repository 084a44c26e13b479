import { MAX_INDICATOR_PERIOD_DAYS } from '@reshaem/adapters-http';
import { addCalendarDays, type IndicatorQueryInput, localDateIn } from '@reshaem/core';

/**
 * The dashboard's filters as its GET form holds them: the period (local dates, both
 * included), an organisation ('' = every one the user may see) and whether its subordinate
 * organisations count too.
 */
export interface DashboardFilters {
  from: string;
  to: string;
  org: string;
  subtree: boolean;
}

/** The period shown when none is asked: the last twelve weeks, Monday to today. */
export const DEFAULT_WEEKS = 12;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string) =>
  DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The Monday of the ISO week of a local date. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addCalendarDays(date, -weekday);
}

/** The filters read, and what was wrong with them (in Russian; then the defaults stand). */
export interface ReadFilters {
  filters: DashboardFilters;
  errors: string[];
}

/**
 * Reads the form. Without a period: the last {@link DEFAULT_WEEKS} weeks up to today in the
 * user's zone. A date that is not one, a period backwards or longer than the API's limit is
 * reported and the default period is counted instead, so the page always shows figures.
 */
export function readDashboardFilters(
  params: URLSearchParams,
  now: Date,
  zone: string,
): ReadFilters {
  const today = localDateIn(now, zone);
  const defaults = { from: addCalendarDays(mondayOf(today), -7 * (DEFAULT_WEEKS - 1)), to: today };
  const errors: string[] = [];
  const from = (params.get('from') ?? '').trim();
  const to = (params.get('to') ?? '').trim();
  let period = defaults;
  if (from !== '' || to !== '') {
    const asked = { from: from || defaults.from, to: to || defaults.to };
    if (!isDate(asked.from) || !isDate(asked.to)) {
      errors.push('Даты периода не распознаны: показаны последние 12 недель.');
    } else if (asked.from > asked.to) {
      errors.push('Начало периода позже его конца: показаны последние 12 недель.');
    } else if (dayNumber(asked.to) - dayNumber(asked.from) + 1 > MAX_INDICATOR_PERIOD_DAYS) {
      errors.push(
        `Период длиннее ${MAX_INDICATOR_PERIOD_DAYS} дней: показаны последние 12 недель.`,
      );
    } else period = asked;
  }
  return {
    filters: {
      ...period,
      org: (params.get('org') ?? '').trim().slice(0, 200),
      subtree: params.get('subtree') !== 'no',
    },
    errors,
  };
}

/** The store's query for the filters, grouped by `groupBy`, counted at `now`. */
export function indicatorQuery(
  filters: DashboardFilters,
  groupBy: IndicatorQueryInput['groupBy'],
  now: Date,
): IndicatorQueryInput {
  return {
    from: filters.from,
    to: filters.to,
    groupBy,
    ...(filters.org ? { orgId: filters.org, subtree: filters.subtree } : {}),
    now: now.toISOString(),
  };
}

/** The dashboard's URL for these filters (defaults left out). */
export function dashboardUrl(filters: DashboardFilters): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.org) params.set('org', filters.org);
  if (!filters.subtree) params.set('subtree', 'no');
  return `/analytics?${params}`;
}
