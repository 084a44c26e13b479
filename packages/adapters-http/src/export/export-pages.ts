import type { MessageQuery, MessageStore, Principal } from '@reshaem/core';
import { shownMessage, viewerOf } from '../views/message-view.js';
import { locationCells } from './location-columns.js';
import { posExportRow } from './pos-export-row.js';

/** The store's largest page: the export reads 200 messages at a time. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * The filtered list, page by page, as rows of the ПОС export. Only one page is held at a
 * time: the next is fetched (with the cursor) when the writer asks for it. With `location`,
 * each row ends with the place extension's cells (`LOCATION_EXPORT_COLUMNS`).
 */
export async function* exportPages(
  store: MessageStore,
  viewer: Principal,
  query: MessageQuery,
  options: { location?: boolean } = {},
): AsyncGenerator<string[][]> {
  let cursor: string | undefined;
  const shownTo = viewerOf(viewer, store.directory);
  do {
    const page = await store.list(viewer, {
      ...query,
      limit: EXPORT_PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    yield page.items.map((item) => {
      const message = shownMessage(item, shownTo, store.directory);
      const row = posExportRow({ status: item.status, message }, store.directory);
      return options.location ? [...row, ...locationCells(message)] : row;
    });
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
