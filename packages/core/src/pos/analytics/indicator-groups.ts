import { sortedByLabel } from '../../kernel/analytics/label-order.js';
import { periodKeyOf, periodKeys, sharedGroupLabel } from '../../kernel/analytics/periods.js';
import type { Directory } from '../../kernel/notifications/directory.js';
import type { Channel } from '../schemas/message.js';
import type { IndicatorGroupBy, IndicatorQuery } from './indicator-query.js';
import type { IndicatorResult } from './indicator-row.js';
import { emptySums, type IndicatorSums, indicatorRowOf } from './indicator-sums.js';
import type { MessageFacts } from './message-facts.js';

export { periodKeys, weekOf } from '../../kernel/analytics/periods.js';

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
    case 'week':
    case 'month':
      return periodKeyOf(facts.receivedOn, groupBy);
    default: {
      const unreachable: never = groupBy;
      throw new Error(`unknown grouping ${String(unreachable)}`);
    }
  }
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

/** A group's key as people read it, in Russian. */
export function groupLabelOf(groupBy: IndicatorGroupBy, key: string, directory: Directory): string {
  switch (groupBy) {
    case 'org':
      return directory.organisation(key)?.name ?? key;
    case 'channel':
      return channelLabels[key as Channel] ?? key;
    case 'region':
    case 'category':
    case 'day':
    case 'week':
    case 'month':
      return sharedGroupLabel(groupBy, key, directory);
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
      : sortedByLabel([...groups.keys()].map(rowOf), directory.organisations);
  return { rows, totals: indicatorRowOf('total', 'Итого', totals) };
}
