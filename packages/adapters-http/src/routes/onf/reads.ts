import {
  type CaseQuery,
  caseExportHeader,
  caseExportRow,
  type Principal,
  WorkflowRefusal,
} from '@reshaem/core';
import type { Hono } from 'hono';
import { authenticated } from '../../access.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { xlsxStream } from '../../export/xlsx.js';
import { notFound, validationProblem } from '../../problems.js';
import { parseCaseListQuery } from '../../request/case-query-params.js';
import { etagOf, ifNoneMatchHits } from '../../request/preconditions.js';
import { jsonResponse } from '../../responses.js';
import {
  caseHistoryItems,
  caseListItem,
  caseView,
  shownCard,
  visibleCase,
} from '../../views/case-view.js';
import type { CaseCapableStore } from './cases.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXPORT_PAGE_SIZE = 200;

/** One page of cards, turning a store's refusal of the query (a stale cursor) into a 422. */
async function casePage(store: CaseCapableStore, viewer: Principal, query: CaseQuery) {
  try {
    return await store.listCases(viewer, query);
  } catch (error) {
    if (error instanceof WorkflowRefusal && error.error.kind === 'invalid_payload') {
      throw validationProblem(
        error.error.issues.map((i) => ({ in: 'query', path: i.path, message: i.message })),
      );
    }
    throw error;
  }
}

/** The filtered list as export rows, one store page at a time. */
async function* caseExportPages(store: CaseCapableStore, viewer: Principal, query: CaseQuery) {
  let cursor: string | undefined;
  do {
    const page = await casePage(store, viewer, {
      ...query,
      limit: EXPORT_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    yield page.items.map((s) =>
      caseExportRow(
        { id: s.id, status: s.status, card: shownCard(s, viewer, store.directory) },
        store.directory,
      ).map((cell) => (cell === null ? '' : String(cell))),
    );
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** GET /cases, GET /cases/export.xlsx, GET /cases/{id}, GET /cases/{id}/history. */
export function registerCaseReads(
  app: Hono<AppEnv>,
  deps: RouteDeps,
  store: CaseCapableStore,
): void {
  const auth = authenticated(deps);

  app.get('/cases', auth, async (c) => {
    const query = parseCaseListQuery(c.req.queries(), {
      maxPageSize: deps.limits.pageSize,
      paging: true,
    });
    const page = await casePage(store, c.get('principal'), query);
    const principal = c.get('principal');
    return c.json({
      items: page.items.map((s) => caseListItem(s, principal, store.directory)),
      nextCursor: page.nextCursor,
    });
  });

  // Before /cases/{id}, so that this path wins.
  app.get('/cases/export.xlsx', auth, async (c) => {
    const viewer = c.get('principal');
    const query = parseCaseListQuery(c.req.queries(), {
      maxPageSize: deps.limits.pageSize,
      paging: false,
    });
    await casePage(store, viewer, { ...query, limit: 1 });
    const headers = {
      'content-type': XLSX,
      'content-disposition': `attachment; filename="cases-${deps.now().toISOString().slice(0, 10)}.xlsx"`,
      'cache-control': 'no-store',
    };
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    const pages = caseExportPages(store, viewer, query);
    return c.body(xlsxStream('Обращения', caseExportHeader(), pages), 200, headers);
  });

  app.get('/cases/:id', auth, async (c) => {
    const principal = c.get('principal');
    const id = c.req.param('id');
    const stored = await visibleCase(store, principal, id);
    if (!stored) throw notFound(`Карточка ${id} не найдена`);
    const etag = etagOf(stored.version);
    if (ifNoneMatchHits(c.req.header('if-none-match'), stored.version)) {
      return c.body(null, 304, { etag });
    }
    return jsonResponse(await caseView(stored, principal, store, deps.basePath), 200, { etag });
  });

  app.get('/cases/:id/history', auth, async (c) => {
    const id = c.req.param('id');
    const principal = c.get('principal');
    const stored = await visibleCase(store, principal, id);
    if (!stored) throw notFound(`Карточка ${id} не найдена`);
    const records = await store.caseHistory(id);
    const items = caseHistoryItems(stored, records, principal, store.directory);
    return jsonResponse({ items }, 200, { etag: etagOf(stored.version) });
  });
}
