import type { Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import { apiParams, readCaseFilters, toCaseQuery } from './case-filters.js';
import type { CaseWebDeps } from './case-routes.js';
import { userZone } from './user-zone.js';

/** Answers a request to the API: the HTTP adapter's `fetch`. */
export type ApiFetch = (request: Request) => Response | Promise<Response>;

/**
 * GET /onf/export.xlsx: «Выгрузить в Excel» of the filtered list. The page's filters become
 * the API's query and the API's own export answers (`GET /api/cases/export.xlsx`: the
 * core's export columns, each card as this user may see it, streamed page by page), called
 * in-process as the signed-in user with a fresh token of the portal's accounts.
 */
export function registerCaseExport(app: Hono<PageEnv>, deps: CaseWebDeps, api: ApiFetch): void {
  app.get('/onf/export.xlsx', async (c) => {
    const user = c.get('user');
    const filters = readCaseFilters(new URL(c.req.url).searchParams);
    const params = apiParams(toCaseQuery(filters, userZone(deps.store.directory, user)));
    const url = new URL(`/api/cases/export.xlsx?${params}`, c.req.url);
    return api(
      new Request(url, { headers: { authorization: `Bearer ${deps.accounts.tokenOf(user.id)}` } }),
    );
  });
}
