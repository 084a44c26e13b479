import type { MessageQuery, MessageStore, Principal } from '@reshaem/core';
import { shownMessage, viewerOf } from '../views/message-view.js';
import { posExportRow } from './pos-export-row.js';

/** The store's largest page: the export reads 200 messages at a time. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * The filtered list, page by page, as rows of the ПОС export. Only one page is held at a
 * time: the next is fetched (with the cursor) when the writer asks for it.
 */
export async function* exportPages(
  store: MessageStore,
  viewer: Principal,
  query: MessageQuery,
): AsyncGenerator<string[][]> {
  let cursor: string | undefined;
  const shownTo = viewerOf(viewer, store.directory);
  do {
    const page = await store.list(viewer, {
      ...query,
      limit: EXPORT_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    yield page.items.map((item) =>
      posExportRow(
        { status: item.status, message: shownMessage(item, shownTo, store.directory) },
        store.directory,
      ),
    );
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
