import type { Migration } from './migration.js';

/**
 * Derives `folder_rollups` from the `folder_counts` rows there are: one row per scope and
 * folder, in shard 0 (a message's later writes go to its own shard; a shard's `n` may then
 * be negative, and only the sum over the shards means anything). Exported for the bench,
 * which fills its rows the same way.
 */
export const backfillFolderRollups = `INSERT INTO folder_rollups (scope, shard, folder, n)
  SELECT 'all', 0, folder, sum(n) FROM folder_counts GROUP BY folder
  UNION ALL
  SELECT 'operator', 0, folder, sum(n) FROM folder_counts WHERE operator_entered GROUP BY folder`;

/**
 * Folder counts of the platform-wide scopes in a number of rows that does not grow with the
 * organisations: `folder_rollups` keeps, per scope (`all` messages, or the phoned-in ones,
 * `operator`), shard and folder, how many messages there are. Every write that changes
 * `folder_counts` changes these rows in the same statement, so a read of either table sees
 * the same instant. Before this step the platform's moderator summed every `folder_counts`
 * row: one per organisation pair and folder, 22,800 at 8,769 organisations.
 *
 * The back-fill reads `folder_counts` under a SHARE lock, which waits for the writes in
 * flight and holds off new ones until the migration commits, so nothing written in between
 * is missed. A process of the previous release that keeps writing afterwards would not keep
 * the roll-up: stop the writers of the old release before migrating, as for any step.
 */
export const folderRollups: Migration = {
  version: 16,
  name: '016-folder-rollups',
  statements: [
    `CREATE TABLE folder_rollups (
      scope text NOT NULL CHECK (scope IN ('all', 'operator')),
      shard smallint NOT NULL CHECK (shard >= 0),
      folder text NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (scope, shard, folder)
    )`,
    'LOCK TABLE folder_counts IN SHARE MODE',
    backfillFolderRollups,
  ],
};
