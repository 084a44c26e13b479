import type { Hono } from 'hono';
import { authenticated } from '../../access.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { POS_EXPORT_COLUMNS } from '../../export/columns.js';
import { csvStream } from '../../export/csv.js';
import { exportPages } from '../../export/export-pages.js';
import { xlsxStream } from '../../export/xlsx.js';
import { parseListQuery } from '../../request/list-query.js';
import { listPage } from './reads.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const attachment = (extension: string, now: Date) => {
  const name = `messages-${now.toISOString().slice(0, 10)}.${extension}`;
  return `attachment; filename="${name}"`;
};

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
    const query = parseListQuery(params, { maxPageSize: deps.limits.pageSize, paging: false });
    await listPage(deps, viewer, { ...query, limit: 1 });
    return exportPages(deps.store, viewer, query);
  };

  app.get('/messages/export.csv', auth, async (c) => {
    const pages = await start(c.req.queries(), c.get('principal'));
    const headers = {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': attachment('csv', deps.now()),
      'cache-control': 'no-store',
    };
    // HEAD: the headers only; no writer is started that nobody would read.
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(csvStream(POS_EXPORT_COLUMNS, pages), 200, headers);
  });

  app.get('/messages/export.xlsx', auth, async (c) => {
    const pages = await start(c.req.queries(), c.get('principal'));
    const headers = {
      'content-type': XLSX,
      'content-disposition': attachment('xlsx', deps.now()),
      'cache-control': 'no-store',
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(xlsxStream('Сообщения', POS_EXPORT_COLUMNS, pages), 200, headers);
  });
}
