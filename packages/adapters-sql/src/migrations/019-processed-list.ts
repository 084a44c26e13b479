import { besides } from './015-narrow-list-indexes.js';
import type { Migration } from './migration.js';

/**
 * «Обработанные» of a large scope (a region, a large region's ministry, the platform's
 * moderators) walked `messages_created` from the newest message down to the first closed
 * ones: the newest messages are still being worked, so a region's coordinator read 153,207
 * entries at ten million messages to keep a page of 51 (bench/scale/reads.ts), and more as
 * the working set grows. `messages_processed` orders the closed messages alone, so the walk
 * reads about a page over the scope's share of them, on any page (a keyset starts the walk at
 * the cursor). A small scope reads its own entries in `messages_holding` instead
 * (`readsSmallScope`), as it does for any list.
 *
 * Built inside the migration transaction like 015: writes to `messages` wait while it runs.
 * A message's row enters the index when it is closed; the closed are most rows, so the index
 * is about the size of `messages_created`.
 */
export const processedList: Migration = {
  version: 19,
  name: '019-processed-list',
  statements: [
    `CREATE INDEX messages_processed ON messages (created_at, id)
      INCLUDE (${besides('created_at')}) WHERE folder = 'processed'`,
  ],
};
