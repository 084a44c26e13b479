import type { Hono } from 'hono';
import { authenticated } from '../../access.js';
import { countIndicators, countsIndicators } from '../../analytics/count-indicators.js';
import { INDICATOR_COLUMNS, indicatorSheetRows } from '../../analytics/indicator-columns.js';
import { type IndicatorFormat, readIndicatorParams } from '../../analytics/indicator-params.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { xlsxStream } from '../../export/xlsx.js';
import { jsonResponse } from '../../responses.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The media types an `Accept` header names, with their weights (`q`, 1 by default). */
function weights(accept: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    out.set(type, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return out;
}

/** `format` wins; else XLSX when `Accept` names it above JSON (and anything else). */
function chosenFormat(format: IndicatorFormat | undefined, accept: string | undefined) {
  if (format !== undefined) return format;
  const w = weights(accept ?? '');
  const xlsx = w.get(XLSX) ?? 0;
  return xlsx > 0 && xlsx > Math.max(w.get('application/json') ?? 0, w.get('*/*') ?? 0)
    ? 'xlsx'
    : 'json';
}

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
    if (chosenFormat(format, c.req.header('accept')) === 'json') {
      return jsonResponse(
        {
          from: query.from,
          to: query.to,
          groupBy: query.groupBy,
          countedAt: now.toISOString(),
          ...result,
        },
        200,
        { 'cache-control': 'no-store', vary: 'accept' },
      );
    }
    const headers = {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="indicators-${query.from}-${query.to}.xlsx"`,
      'cache-control': 'no-store',
      vary: 'accept',
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    const rows = indicatorSheetRows(result.rows, result.totals);
    const pages = [rows][Symbol.iterator]();
    const sheet = xlsxStream(
      'Показатели',
      INDICATOR_COLUMNS.map(([header]) => header),
      { next: async () => pages.next() },
    );
    return c.body(sheet, 200, headers);
  });
}
