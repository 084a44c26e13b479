import { type MessagePage, type MessageQuery, WorkflowRefusal, worksFolders } from '@reshaem/core';
import type { Hono } from 'hono';
import { authenticated, visibleMessage } from '../../access.js';
import type { AppEnv, RouteDeps } from '../../env.js';
import { foldersForbidden, notFound, validationProblem } from '../../problems.js';
import { parseListQuery } from '../../request/list-query.js';
import { etagOf, ifNoneMatchHits } from '../../request/preconditions.js';
import { jsonResponse } from '../../responses.js';
import { historyView, messageListItem, messageView, viewerOf } from '../../views/message-view.js';

/** Lists one page, turning a store's refusal of the query (a stale cursor) into a 422. */
export async function listPage(
  deps: RouteDeps,
  viewer: Parameters<RouteDeps['store']['list']>[0],
  query: MessageQuery,
): Promise<MessagePage> {
  const byFolder = query.folder !== undefined || query.queue !== undefined;
  if (byFolder && !worksFolders(viewer)) throw foldersForbidden();
  try {
    return await deps.store.list(viewer, query);
  } catch (error) {
    if (error instanceof WorkflowRefusal && error.error.kind === 'invalid_payload') {
      throw validationProblem(
        error.error.issues.map((i) => ({ in: 'query', path: i.path, message: i.message })),
      );
    }
    throw error;
  }
}

/** GET /messages, GET /messages/{id}, GET /messages/{id}/history — all scoped to the caller. */
export function registerReads(app: Hono<AppEnv>, deps: RouteDeps): void {
  const { store } = deps;
  const auth = authenticated(deps);

  app.get('/messages', auth, async (c) => {
    const query = parseListQuery(c.req.queries(), {
      maxPageSize: deps.limits.pageSize,
      paging: true,
    });
    const principal = c.get('principal');
    const page = await listPage(deps, principal, query);
    const now = deps.now();
    const viewer = viewerOf(principal, store.directory, deps.basePath);
    return c.json({
      items: page.items.map((item) => messageListItem(item, viewer, store.directory, now)),
      nextCursor: page.nextCursor,
      ...(page.total === undefined ? {} : { total: page.total }),
    });
  });

  app.get('/messages/:id', auth, async (c) => {
    const principal = c.get('principal');
    const id = c.req.param('id');
    const stored = await visibleMessage(store, principal, id);
    if (!stored) throw notFound(`Сообщение ${id} не найдено`);
    const etag = etagOf(stored.version);
    if (ifNoneMatchHits(c.req.header('if-none-match'), stored.version)) {
      return c.body(null, 304, { etag });
    }
    const viewer = viewerOf(principal, store.directory, deps.basePath);
    return jsonResponse(messageView(stored, viewer, store, deps.now()), 200, { etag });
  });

  app.get('/messages/:id/history', auth, async (c) => {
    const id = c.req.param('id');
    const principal = c.get('principal');
    const stored = await visibleMessage(store, principal, id);
    if (!stored) throw notFound(`Сообщение ${id} не найдено`);
    const records = await store.history(id);
    const viewer = viewerOf(principal, store.directory, deps.basePath);
    return jsonResponse({ items: historyView(stored, records, viewer, store.directory) }, 200, {
      etag: etagOf(stored.version),
    });
  });
}
