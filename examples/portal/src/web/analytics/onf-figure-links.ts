import { addCalendarDays, type CaseIndicatorRow, type CaseStatus } from '@reshaem/core';
import { caseListUrl, readCaseFilters } from '../onf/case-filters.js';

/** The figures of a row that the ОНФ card list can show the cards of: one status, or none. */
export type LinkedCaseFigure = 'created' | 'done' | 'postponed' | 'closed';

const figureStatus: Record<LinkedCaseFigure, CaseStatus | ''> = {
  created: '',
  done: 'done',
  postponed: 'postponed',
  closed: 'closed',
};

/** The earlier and the later of two `YYYY-MM-DD` dates. */
const earlier = (a: string, b: string) => (a.localeCompare(b) <= 0 ? a : b);
const later = (a: string, b: string) => (a.localeCompare(b) >= 0 ? a : b);

/** The period a row counts: a week's Monday to its Sunday, clipped to the asked period. */
function rowPeriod(
  row: CaseIndicatorRow,
  period: { from: string; to: string },
): { from: string; to: string } {
  if (row.key === 'total') return period;
  const sunday = addCalendarDays(row.key, 6);
  return {
    from: later(row.key, period.from),
    to: earlier(sunday, period.to),
  };
}

/**
 * The ОНФ card list behind a figure of a week's row (or of «Итого»): the cards created in
 * that week of the period, of the figure's status. The list filters by one status and no
 * close reason, so «open» (five statuses), the reasons and the curator's returns have no
 * link. The list reads dates in the user's zone and the indicators in the card's region's:
 * the page links only for a user of one region, where the two are one zone.
 */
export function caseFigureHref(
  figure: LinkedCaseFigure,
  row: CaseIndicatorRow,
  period: { from: string; to: string },
): string {
  const { from, to } = rowPeriod(row, period);
  return caseListUrl('/onf', readCaseFilters(new URLSearchParams()), {
    createdFrom: from,
    createdTo: to,
    statuses: figureStatus[figure],
    // The list's default order, left out of the address.
    sort: '',
    direction: '',
  });
}
