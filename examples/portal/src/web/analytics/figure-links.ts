import {
  countsEachMessageOnce,
  type Directory,
  type IndicatorRow,
  type RatingFigure,
} from '@reshaem/core';
import { type ListFilters, listUrl, readFilters } from '../list-query.js';
import type { DashboardFilters } from './dashboard-filters.js';

/** A score of the ratings' distribution, as the figure `ratingN` names it. */
export type RatingScoreFigure = 'rating1' | 'rating2' | 'rating3' | 'rating4' | 'rating5';

/** The figures of a row that the backoffice list can show the messages of. */
export type LinkedFigure =
  | 'received'
  | 'rejected'
  | 'answered'
  | 'answeredOnTime'
  | 'answeredLate'
  | 'overdueNow'
  | 'dueSoonNow'
  | 'rated'
  | RatingScoreFigure
  | 'reReviewed';

/** The figure of each score of the distribution, 1 to 5. */
export const ratingScoreFigures: readonly RatingScoreFigure[] = [
  'rating1',
  'rating2',
  'rating3',
  'rating4',
  'rating5',
];

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
  rated: { rated: 'yes' },
  rating1: { ratingScores: ['1'] },
  rating2: { ratingScores: ['2'] },
  rating3: { ratingScores: ['3'] },
  rating4: { ratingScores: ['4'] },
  rating5: { ratingScores: ['5'] },
  reReviewed: { reReviewed: 'yes' },
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
 * Does the figure count the row's messages, one each, as the list does (the core's rule,
 * which holds whatever the settings were when the ratings were given)?
 */
function countsMessages(figure: LinkedFigure, row: IndicatorRow): boolean {
  if (figure === 'rated' || figure === 'reReviewed') return countsEachMessageOnce(figure, row);
  const score = ratingScoreFigures.indexOf(figure as RatingScoreFigure) + 1;
  return score === 0 || countsEachMessageOnce(score as RatingFigure, row);
}

/**
 * The backoffice list behind one figure: the messages received in the period (dates in the
 * user's zone), held by the row's organisation, filtered as the figure counts them; `null`
 * when the list cannot show them, or when the figure counts ratings or re-review rounds that
 * may be more than the messages the list shows (see `countsMessages`).
 *
 * @example
 * figureHref('rating5', byOrg.totals, 'total', filters, directory);
 * // '/backoffice?ratingScores=5&createdFrom=2025-01-01&createdTo=2025-02-28'
 */
export function figureHref(
  figure: LinkedFigure,
  row: IndicatorRow,
  grouping: 'org' | 'total',
  filters: DashboardFilters,
  directory: Directory,
): string | null {
  const org = listOrg(row, grouping, filters, directory);
  if (org === undefined || !countsMessages(figure, row)) return null;
  const base = readFilters(new URLSearchParams());
  return listUrl(base, {
    createdFrom: filters.from,
    createdTo: filters.to,
    org,
    ...figureFilters[figure],
  });
}
