import { fromDayNumber, toDayNumber, weekdayOf } from '../../kernel/deadlines/local-date.js';
import { findRegion } from '../../kernel/deadlines/regions.js';
import type { Directory } from '../../kernel/notifications/directory.js';
import type { Channel } from '../schemas/message.js';
import type { IndicatorGroupBy, IndicatorQuery } from './indicator-query.js';
import type { IndicatorResult } from './indicator-row.js';
import { emptySums, type IndicatorSums, indicatorRowOf } from './indicator-sums.js';
import type { MessageFacts } from './message-facts.js';

/** The Monday of the ISO week a local date falls in. */
export function weekOf(date: string): string {
  const day = toDayNumber(date);
  return fromDayNumber(day - ((weekdayOf(day) + 6) % 7));
}

/**
 * The group a message's facts fall in: its holding organisation, region, category, channel,
 * or its local date of receipt, that date's week (its Monday) or month (`YYYY-MM`).
 */
export function groupKeyOf(facts: MessageFacts, groupBy: IndicatorGroupBy): string {
  switch (groupBy) {
    case 'org':
      return facts.holdingOrgId;
    case 'region':
      return facts.regionCode;
    case 'category':
      return facts.categoryId;
    case 'channel':
      return facts.channel;
    case 'day':
      return facts.receivedOn;
    case 'week':
      return weekOf(facts.receivedOn);
    case 'month':
      return facts.receivedOn.slice(0, 7);
    default: {
      const unreachable: never = groupBy;
      throw new Error(`unknown grouping ${String(unreachable)}`);
    }
  }
}

/** Every day, week or month the period touches, in order; `null` for the other groupings. */
export function periodKeys(
  query: Pick<IndicatorQuery, 'from' | 'to' | 'groupBy'>,
): string[] | null {
  const { from, to, groupBy } = query;
  if (groupBy !== 'day' && groupBy !== 'week' && groupBy !== 'month') return null;
  const keys: string[] = [];
  const last = toDayNumber(to);
  for (let day = toDayNumber(from); day <= last; day += 1) {
    const date = fromDayNumber(day);
    const key = groupBy === 'day' ? date : groupBy === 'week' ? weekOf(date) : date.slice(0, 7);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}

const channelLabels: Readonly<Record<Channel, string>> = {
  epgu_form: 'Портал Госуслуг',
  mobile_app: 'Мобильное приложение Госуслуги',
  org_widget: 'Сайт',
  epgu_widget: 'ЕПГУ',
  reshaem_app: 'Решаем вместе',
  operator: 'Оператор (122)',
  integration: 'Интеграция',
};

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

/** A group's key as people read it, in Russian. */
export function groupLabelOf(groupBy: IndicatorGroupBy, key: string, directory: Directory): string {
  switch (groupBy) {
    case 'org':
      return directory.organisation(key)?.name ?? key;
    case 'region':
      return findRegion(key)?.name ?? key;
    case 'category':
      return directory.catalogue.categories.find((c) => c.id === key)?.name ?? key;
    case 'channel':
      return channelLabels[key as Channel] ?? key;
    case 'day':
      return ruDate(key);
    case 'week':
      return `неделя с ${ruDate(key)}`;
    case 'month':
      return `${months[Number(key.slice(5, 7)) - 1] ?? key.slice(5, 7)} ${key.slice(0, 4)}`;
    default: {
      const unreachable: never = groupBy;
      throw new Error(`unknown grouping ${String(unreachable)}`);
    }
  }
}

/**
 * The result every store returns from its groups' sums: a row per group with its label —
 * every day, week or month of the period (empty ones too, so a trend has no gaps), or the
 * organisations, regions, categories and channels that have messages, by label — and the
 * totals.
 */
export function indicatorResultOf(
  groups: ReadonlyMap<string, IndicatorSums>,
  totals: IndicatorSums,
  query: Pick<IndicatorQuery, 'from' | 'to' | 'groupBy'>,
  directory: Directory,
): IndicatorResult {
  const keys = periodKeys(query);
  const rowOf = (key: string) =>
    indicatorRowOf(
      key,
      groupLabelOf(query.groupBy, key, directory),
      groups.get(key) ?? emptySums(),
    );
  const rows =
    keys !== null
      ? keys.map(rowOf)
      : [...groups.keys()]
          .map(rowOf)
          .sort((a, b) => a.label.localeCompare(b.label, 'ru') || (a.key < b.key ? -1 : 1));
  return { rows, totals: indicatorRowOf('total', 'Итого', totals) };
}
