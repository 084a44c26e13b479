import type { Directory, IndicatorRow } from '@reshaem/core';
import { type ListFilters, listUrl, readFilters } from '../list-query.js';
import type { DashboardFilters } from './dashboard-filters.js';

/** The figures of a row that the backoffice list can show the messages of. */
export type LinkedFigure =
  | 'received'
  | 'rejected'
  | 'answered'
  | 'answeredOnTime'
  | 'answeredLate'
  | 'overdueNow'
  | 'dueSoonNow';

/**
 * The backoffice filters behind each figure, on top of the period of receipt and the
 * organisation. The list filters by status and by the «Просрочено» mark, so «answered on
 * time» reads as answered and never marked overdue; a message answered, re-reviewed and back
 * at work counts as answered on the dashboard but is no longer in the «answered» statuses.
 */
const figureFilters: Record<LinkedFigure, Partial<ListFilters>> = {
  received: {},
  rejected: { status: 'rejected' },
  answered: { answered: 'yes' },
  answeredOnTime: { answered: 'yes', overdue: 'no' },
  answeredLate: { answered: 'yes', overdue: 'yes' },
  overdueNow: { answered: 'no', overdue: 'yes' },
  dueSoonNow: { queue: 'due_soon' },
};

export const linkedFigures = Object.keys(figureFilters) as LinkedFigure[];

/**
 * The organisation the list is narrowed to for a row: the row's own organisation (rows by
 * organisation), the asked organisation alone, or none (every message the user sees) when
 * no organisation was asked. `undefined` when the list cannot show the row's messages: an
 * organisation with its subordinates (the list filters by one organisation), or a row of
 * another grouping than by organisation.
 */
function listOrg(
  row: IndicatorRow,
  grouping: 'org' | 'total',
  filters: DashboardFilters,
  directory: Directory,
): string | undefined {
  if (grouping === 'org') return row.key;
  if (!filters.org) return '';
  const alone = !filters.subtree || directory.subtreeOf(filters.org).length === 1;
  return alone ? filters.org : undefined;
}

/**
 * The backoffice list behind one figure: the messages received in the period (dates in the
 * user's zone), held by the row's organisation, filtered as the figure counts them; `null`
 * when the list cannot show them.
 */
export function figureHref(
  figure: LinkedFigure,
  row: IndicatorRow,
  grouping: 'org' | 'total',
  filters: DashboardFilters,
  directory: Directory,
): string | null {
  const org = listOrg(row, grouping, filters, directory);
  if (org === undefined) return null;
  const base = readFilters(new URLSearchParams());
  return listUrl(base, {
    createdFrom: filters.from,
    createdTo: filters.to,
    org,
    ...figureFilters[figure],
  });
}
