import { type StoredMessage, WorkflowRefusal } from '@reshaem/core';
import type { Hono } from 'hono';
import type { PageEnv } from '../../auth/session.js';
import type { WebDeps } from '../deps.js';
import { readFilters, toQuery } from '../list-query.js';
import { BackofficePage } from '../pages/backoffice.js';
import { render } from '../render.js';

/** GET /backoffice: folders with counts, filters, one page of the list. */
export function registerBackoffice(app: Hono<PageEnv>, deps: WebDeps): void {
  const { store } = deps;
  app.get('/backoffice', async (c) => {
    const user = c.get('user');
    const filters = readFilters(new URL(c.req.url).searchParams);
    const counts = await store.folderCounts(user);
    let items: StoredMessage[] = [];
    let nextCursor: string | null = null;
    let error: string | undefined;
    try {
      const page = await store.list(user, toQuery(filters));
      items = page.items;
      nextCursor = page.nextCursor;
    } catch (cause) {
      if (!(cause instanceof WorkflowRefusal)) throw cause;
      error = `Фильтр не применён: ${cause.message}`;
    }
    return render(
      c,
      <BackofficePage
        user={user}
        directory={store.directory}
        now={deps.now()}
        filters={filters}
        counts={counts}
        items={items}
        nextCursor={nextCursor}
        {...(error === undefined ? {} : { error })}
      />,
    );
  });
}
