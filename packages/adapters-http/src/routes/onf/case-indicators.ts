import type { Hono } from 'hono';
import { authenticated } from '../../access.js';
import { CASE_INDICATOR_COLUMNS } from '../../analytics/case-indicator-columns.js';
import { readCaseIndicatorParams } from '../../analytics/case-indicator-params.js';
import {
  countCaseIndicators,
  countsCaseIndicators,
} from '../../analytics/count-case-indicators.js';
import { indicatorResponse } from '../../analytics/indicator-response.js';
import type { AppEnv, RouteDeps } from '../../env.js';

/**
 * GET /analytics/case-indicators — the ОНФ card indicators of the cards created in a period
 * (docs/analytics.md, «ОНФ cards»): created, done and its share, postponed, closed by
 * reason, open, the curator's returns; grouped by region, category, day, week or month;
 * for the ОНФ's supervisors and curators, over their region's cards (all for the
 * headquarters), 403 for anyone else (the core's `caseIndicatorScopeOf`). JSON
 * `{ from, to, groupBy, rows, totals }`, or the sheet «Показатели ОНФ» (`format=xlsx` or
 * `Accept`). Registered only when the store keeps cards and counts their indicators.
 */
export function registerCaseIndicators(app: Hono<AppEnv>, deps: RouteDeps): void {
  const { store } = deps;
  if (!countsCaseIndicators(store)) return;
  app.get('/analytics/case-indicators', authenticated(deps), async (c) => {
    const { query, format } = readCaseIndicatorParams(c.req.queries());
    const result = await countCaseIndicators(store, query, c.get('principal'));
    return indicatorResponse(c, {
      format,
      json: { from: query.from, to: query.to, groupBy: query.groupBy, ...result },
      sheet: {
        name: 'Показатели ОНФ',
        filename: `case-indicators-${query.from}-${query.to}.xlsx`,
        columns: CASE_INDICATOR_COLUMNS,
        rows: result.rows,
        totals: result.totals,
      },
    });
  });
}
