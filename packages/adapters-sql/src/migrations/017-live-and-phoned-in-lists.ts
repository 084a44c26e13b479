import { besides } from './015-narrow-list-indexes.js';
import type { Migration } from './migration.js';

/**
 * Lists that still read a whole scope after 015, found by `bench/scale/reads.ts` (entries each
 * list's page query reads, EXPLAIN ANALYZE) at 1,000,000 messages:
 *
 * - the operator's fast-track list walked all 43,798 entries of `messages_operator` (no
 *   phoned-in message is fast-track in the generated data); `messages_operator_fast_track`
 *   holds only the phoned-in fast-track messages;
 * - the operator's «registered, oldest first» walked 65,879 entries of `messages_registered`:
 *   the messages never registered (rejected at moderation, a fixed share of all) sort first,
 *   and none of them is phoned in; `messages_operator_registered` orders the phoned-in ones;
 * - a region's coordinator opening a working folder («В работе» by update, a status filter)
 *   read all of the region's entries in `messages_holding` (10,266 in a middle region; the
 *   whole region at any size) to keep a few hundred. `messages_holding_active` holds the
 *   working messages (everything but «Обработанные», about a fifteenth) by holding
 *   organisation and folder, so such a list reads the region's working folder.
 *
 * What each reads then follows the inflow (the working set, the phoned-in messages that are
 * fast-track) or stops after a page, not the closed messages stored.
 *
 * Built inside the migration transaction like 015: writes to `messages` wait while it runs.
 * A write adds an entry only where its row meets the predicate: a working message's row sits
 * in one more index, a phoned-in one's in one or two more.
 */
export const liveAndPhonedInLists: Migration = {
  version: 17,
  name: '017-live-and-phoned-in-lists',
  statements: [
    `CREATE INDEX messages_operator_fast_track ON messages (created_at, id)
      INCLUDE (${besides('created_at')}) WHERE channel = 'operator' AND fast_track`,
    `CREATE INDEX messages_operator_registered ON messages (registered_at, id)
      INCLUDE (${besides('registered_at')}) WHERE channel = 'operator'`,
    `CREATE INDEX messages_holding_active ON messages (holding_org_id, folder, created_at, id)
      INCLUDE (${besides('holding_org_id', 'folder', 'created_at')})
      WHERE folder <> 'processed'`,
  ],
};
