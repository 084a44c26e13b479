import type { Hono } from 'hono';
import { authenticated } from '../../access.js';
import { countIndicators, countsIndicators } from '../../analytics/count-indicators.js';
import { INDICATOR_COLUMNS } from '../../analytics/indicator-columns.js';
import { readIndicatorParams } from '../../analytics/indicator-params.js';
import { indicatorResponse } from '../../analytics/indicator-response.js';
import type { AppEnv, RouteDeps } from '../../env.js';

/**
 * GET /analytics/indicators — the SLA indicators of the messages received in a period
 * (docs/analytics.md), grouped by one key, over what the caller may see: JSON
 * `{ from, to, groupBy, countedAt, rows, totals }`, or the same as an XLSX sheet
 * (`format=xlsx` or `Accept` naming the XLSX type). Counted at the app's clock. Registered
 * only when the store counts indicators.
 */
export function registerIndicators(app: Hono<AppEnv>, deps: RouteDeps): void {
  const { store } = deps;
  if (!countsIndicators(store)) return;
  app.get('/analytics/indicators', authenticated(deps), async (c) => {
    const { query, format } = readIndicatorParams(c.req.queries());
    const now = deps.now();
    const result = await countIndicators(
      store,
      { ...query, now: now.toISOString() },
      c.get('principal'),
    );
    return indicatorResponse(c, {
      format,
      json: {
        from: query.from,
        to: query.to,
        groupBy: query.groupBy,
        countedAt: now.toISOString(),
        ...result,
      },
      sheet: {
        name: 'Показатели',
        filename: `indicators-${query.from}-${query.to}.xlsx`,
        columns: INDICATOR_COLUMNS,
        rows: result.rows,
        totals: result.totals,
      },
    });
  });
}
