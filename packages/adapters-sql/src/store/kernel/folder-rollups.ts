import type { CountKey } from './columns.js';

/**
 * The scopes `folder_rollups` keeps (`016-folder-rollups`): every message (`all`, what the
 * platform's moderators and the system see) and every phoned-in message (`operator`, what a
 * platform-wide operator sees). Both are read in a number of rows that does not grow with the
 * organisations, and both follow from a `folder_counts` key alone, so the migration derives
 * them from the rows it finds.
 */
export type RollupScope = 'all' | 'operator';

/**
 * Rows per scope and folder. Every write that moves a message between folders changes its
 * scope's row, so with one row all writers of the country would queue on it; a message
 * always lands in the same shard (by its id), and a read sums the shards.
 */
export const ROLLUP_SHARDS = 16;

/** One roll-up row's change. */
export interface RollupChange {
  scope: RollupScope;
  shard: number;
  folder: string;
  delta: number;
}

/** The shard of a message: FNV-1a of its id, so every process picks the same one. */
export function shardOf(messageId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < messageId.length; i++) {
    h ^= messageId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % ROLLUP_SHARDS;
}

const rank = (c: RollupChange) => `${c.scope}\u0000${c.folder}`;

/**
 * The roll-up changes of a write's `folder_counts` changes: each key's delta added to `all`,
 * and to `operator` for a phoned-in message, netted per row (a move between organisations
 * in one folder changes no roll-up) and sorted by row, so that concurrent writers lock roll-up
 * rows in one order.
 */
export function rollupChanges(
  messageId: string,
  counts: ReadonlyArray<{ key: CountKey; delta: number }>,
): RollupChange[] {
  const shard = shardOf(messageId);
  const net = new Map<string, RollupChange>();
  const add = (scope: RollupScope, folder: string, delta: number) => {
    const change = { scope, shard, folder, delta };
    const row = net.get(rank(change));
    if (row) row.delta += delta;
    else net.set(rank(change), change);
  };
  for (const { key, delta } of counts) {
    add('all', key.folder, delta);
    if (key.operatorEntered) add('operator', key.folder, delta);
  }
  return [...net.values()]
    .filter((c) => c.delta !== 0)
    .sort((a, b) => (rank(a) < rank(b) ? -1 : 1));
}
