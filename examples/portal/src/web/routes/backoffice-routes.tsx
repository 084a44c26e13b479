import {
  encodeCursor,
  type Folder,
  type Queue,
  type SortField,
  type StoredMessage,
  sortValueOf,
  WorkflowRefusal,
  workedFoldersOf,
} from '@reshaem/core';
import type { Context, Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import { assigneeChoices, filterChoices } from '../list-choices.js';
import { type ListFilters, listUrl, pageSize, readFilters, toQuery } from '../list-query.js';
import { userZone } from '../onf/user-zone.js';
import { BackofficePage } from '../pages/backoffice.js';
import type { BulkOutcome } from '../pages/bulk-actions.js';
import type { PagePosition } from '../pages/list-pager.js';
import { render } from '../render.js';
import { type ApiFetch, registerBulkActions } from './bulk-routes.js';

const cursorOf = (stored: StoredMessage, sort: SortField) =>
  encodeCursor({ value: sortValueOf(stored.snapshot.context, sort), id: stored.id });

/** One page of the list as the filters ask, forwards or back, with where it is in the list. */
async function listFor(deps: WebDeps, c: Context<PageEnv>, filters: ListFilters) {
  const user = c.get('user');
  const from = Number(filters.from) || 1;
  const size = pageSize(filters);
  try {
    const page = await deps.store.list(
      user,
      toQuery(filters, userZone(deps.store.directory, user)),
    );
    const back = filters.back === '1' && filters.cursor !== '';
    // Paging back lists from the cursor in the opposite order: turn the page round.
    const items = back ? [...page.items].reverse() : page.items;
    const first = items[0];
    const last = items.at(-1);
    const hasPrev = back ? page.nextCursor !== null : filters.cursor !== '';
    const prevFrom = String(Math.max(1, from - size));
    const position: PagePosition = {
      from,
      shown: items.length,
      total: page.total ?? null,
      prevHref:
        hasPrev && first
          ? listUrl(filters, { cursor: cursorOf(first, filters.sort), back: '1', from: prevFrom })
          : null,
      nextHref:
        last && (back || page.nextCursor !== null)
          ? listUrl(filters, {
              cursor: cursorOf(last, filters.sort),
              from: String(from + items.length),
            })
          : null,
    };
    return { items, position };
  } catch (cause) {
    if (!(cause instanceof WorkflowRefusal)) throw cause;
    const position = { from: 1, shown: 0, total: null, prevHref: null, nextHref: null };
    return { items: [], position, error: `Фильтр не применён: ${cause.message}` };
  }
}

/** Renders the backoffice list for these filters, with a bulk action's report or error. */
export async function renderBackoffice(
  c: Context<PageEnv>,
  deps: WebDeps,
  filters: ListFilters,
  outcome: { report?: readonly BulkOutcome[]; error?: string } = {},
) {
  const { report } = outcome;
  const { store } = deps;
  const user = c.get('user');
  const [folderCounts, queueCounts] = await Promise.all([
    store.folderCounts(user),
    store.queueCounts(user),
  ]);
  const folders = workedFoldersOf(user).map((f) => ({
    ...f,
    count: f.kind === 'folder' ? folderCounts[f.code as Folder] : queueCounts[f.code as Queue],
  }));
  const listed = await listFor(deps, c, filters);
  const { items, position } = listed;
  const error = outcome.error ?? listed.error;
  return render(
    c,
    <BackofficePage
      user={user}
      directory={store.directory}
      now={deps.now()}
      filters={filters}
      folders={folders}
      items={items}
      position={position}
      choices={filterChoices(store.directory, user)}
      assignees={assigneeChoices(store.directory, user)}
      {...(error === undefined ? {} : { error })}
      {...(report === undefined ? {} : { report })}
    />,
  );
}

/**
 * GET /backoffice: the role's folders with counts, every filter, one page of the list; POST
 * /backoffice/bulk: the actions on a selection. `api` answers the selection's export.
 */
export function registerBackoffice(app: Hono<PageEnv>, deps: WebDeps, api: ApiFetch): void {
  app.get('/backoffice', (c) =>
    renderBackoffice(c, deps, readFilters(new URL(c.req.url).searchParams)),
  );
  registerBulkActions(app, deps, api);
}
