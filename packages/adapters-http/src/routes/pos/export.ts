import type { Hono } from 'hono';
import { authenticated } from '../../access.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { POS_EXPORT_COLUMNS } from '../../export/columns.js';
import { csvStream } from '../../export/csv.js';
import { exportPages } from '../../export/export-pages.js';
import { LOCATION_EXPORT_COLUMNS } from '../../export/location-columns.js';
import { xlsxStream } from '../../export/xlsx.js';
import { validationProblem } from '../../problems.js';
import { parseListQuery } from '../../request/list-query.js';
import { listPage } from './reads.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (extension: string, now: Date) => {
  const name = `messages-${now.toISOString().slice(0, 10)}.${extension}`;
  return `attachment; filename="${name}"`;
};

/** `location=true` adds the place extension's columns; absent or `false`, the ПОС format exactly. */
function locationOption(values: string[] | undefined): boolean {
  if (values === undefined) return false;
  const [value, ...more] = values;
  if (more.length === 0 && (value === 'true' || value === 'false')) return value === 'true';
  throw validationProblem([
    { in: 'query', path: ['location'], message: 'Укажите location один раз: true или false' },
  ]);
}

/**
 * GET /messages/export.xlsx and /messages/export.csv — the caller's filtered list in the
 * ПОС export format, streamed. Registered before /messages/{id} so that these paths win.
 */
export function registerExport(app: Hono<AppEnv>, deps: RouteDeps): void {
  const auth = authenticated(deps);
  /** Validates the query and reads the first page before any byte is sent, so a bad query
   * or a failing store is still an honest problem response rather than a cut-off file. */
  const start = async (
    params: Record<string, string[]>,
    viewer: Parameters<typeof listPage>[1],
  ) => {
    const { location: switched, ...filters } = params;
    const location = locationOption(switched);
    const query = parseListQuery(filters, { maxPageSize: deps.limits.pageSize, paging: false });
    await listPage(deps, viewer, { ...query, limit: 1 });
    const columns = location
      ? [...POS_EXPORT_COLUMNS, ...LOCATION_EXPORT_COLUMNS]
      : POS_EXPORT_COLUMNS;
    return { columns, pages: exportPages(deps.store, viewer, query, { location }) };
  };

  app.get('/messages/export.csv', auth, async (c) => {
    const { columns, pages } = await start(c.req.queries(), c.get('principal'));
    const headers = {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': attachment('csv', deps.now()),
      'cache-control': 'no-store',
    };
    // HEAD: the headers only; no writer is started that nobody would read.
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(csvStream(columns, pages), 200, headers);
  });

  app.get('/messages/export.xlsx', auth, async (c) => {
    const { columns, pages } = await start(c.req.queries(), c.get('principal'));
    const headers = {
      'content-type': XLSX,
      'content-disposition': attachment('xlsx', deps.now()),
      'cache-control': 'no-store',
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(xlsxStream('Сообщения', columns, pages), 200, headers);
  });
}
