import type { Migration } from './migration.js';

/**
 * Folder counts of a whole tree in a number of rows that does not grow with its
 * organisations. A region's coordinator or moderator sees what the organisations of the
 * region's tree hold or were sent; before this step their counts summed every
 * `folder_counts` row of those organisations, a scan of the table (98–167 ms at 182,648
 * organisations and a million messages).
 *
 * - `tree_roots`: the top of the tree (an organisation without a parent) of each
 *   organisation, as the store's directory says. A write reads it to know which roll-up rows
 *   its count changes go to, so every process adds to the same rows whatever directory it
 *   was started with.
 * - `tree_rollup_state`: one row, `tree`, the fingerprint of the directory `tree_roots` was
 *   written from ('' until a store has written it).
 * - `tree_rollups`: per side (`holding` or `received` organisation), tree top, shard and
 *   folder, how many messages there are; kept by every write that changes `folder_counts`,
 *   in the same statement.
 *
 * The migration cannot fill these (the tree is not in the database): the first store to
 * count folders writes `tree_roots` and derives `tree_rollups` from `folder_counts`
 * (`syncTreeRollups`); until then, and whenever a store's directory differs from the one
 * `tree_roots` was written from, its counts are read from `folder_counts` as before.
 */
export const treeRollups: Migration = {
  version: 18,
  name: '018-tree-rollups',
  statements: [
    `CREATE TABLE tree_roots (
      org_id text PRIMARY KEY,
      root_org_id text NOT NULL
    )`,
    `CREATE TABLE tree_rollup_state (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      tree text NOT NULL
    )`,
    `INSERT INTO tree_rollup_state (tree) VALUES ('')`,
    `CREATE TABLE tree_rollups (
      side text NOT NULL CHECK (side IN ('holding', 'received')),
      root_org_id text NOT NULL,
      shard smallint NOT NULL CHECK (shard >= 0),
      folder text NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (side, root_org_id, shard, folder)
    )`,
  ],
};
