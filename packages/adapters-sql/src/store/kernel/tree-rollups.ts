import { createHash } from 'node:crypto';
import type { Directory, ViewScope } from '@reshaem/core';
import { sql } from 'kysely';
import type { Db } from './reads.js';
import { seesAll } from './scope-sql.js';

/** Which organisation of a `folder_counts` row a tree roll-up counts by. */
export type TreeSide = 'holding' | 'received';

/** The tops of the directory's trees, as `tree_roots` keeps them (`018-tree-rollups`). */
interface Tree {
  /** SHA-256 of every organisation's id and tree top, in id order. */
  fingerprint: string;
  orgIds: string[];
  rootIds: string[];
  rootOf: ReadonlyMap<string, string>;
}

const trees = new WeakMap<Directory, Tree>();

/** The tree top of every organisation of a directory, and its fingerprint; once a directory. */
export function treeOf(directory: Directory): Tree {
  const known = trees.get(directory);
  if (known) return known;
  const rootOf = new Map<string, string>();
  for (const org of directory.organisations) {
    rootOf.set(org.id, directory.ancestorsOf(org.id).at(-1)?.id ?? org.id);
  }
  const orgIds = [...rootOf.keys()].sort();
  const rootIds = orgIds.map((id) => rootOf.get(id) as string);
  const hash = createHash('sha256');
  for (const [i, id] of orgIds.entries()) hash.update(`${id}\t${rootIds[i]}\n`);
  const tree = { fingerprint: hash.digest('hex'), orgIds, rootIds, rootOf };
  trees.set(directory, tree);
  return tree;
}

/** A scope that is exactly some whole trees on one side, read from `tree_rollups`. */
export interface TreeScope {
  side: TreeSide;
  rootIds: string[];
}

/**
 * The tree roll-up that holds exactly the organisation-wide part of a scope, if one does:
 * the scope's organisations are on one side only (what staff hold, or what moderators were
 * sent), nothing is added by being phoned in, and they are whole trees (a region's
 * coordinator or moderator, granted at the region's top organisation). A ministry's
 * coordinator, or a viewer who is both moderator and coordinator, is not: their counts
 * come from `folder_counts`.
 */
export function treeScopeOf(scope: ViewScope, directory: Directory): TreeScope | undefined {
  if (seesAll(scope) || scope.operatorEntered) return undefined;
  const { holdingOrgIds: holding, receivedOrgIds: received } = scope;
  if (holding.length > 0 === received.length > 0) return undefined;
  const side: TreeSide = holding.length > 0 ? 'holding' : 'received';
  const orgIds = side === 'holding' ? holding : received;
  const { rootOf } = treeOf(directory);
  const rootIds = new Set<string>();
  for (const id of orgIds) {
    const root = rootOf.get(id);
    if (root === undefined) return undefined;
    rootIds.add(root);
  }
  // The scope's ids are distinct and each lies in its root's tree: as many as the trees
  // hold means all of them.
  let whole = 0;
  for (const root of rootIds) whole += directory.subtreeOf(root).length;
  return whole === orgIds.length ? { side, rootIds: [...rootIds] } : undefined;
}

/**
 * Writes `tree_roots` from the directory and derives `tree_rollups` from `folder_counts`,
 * unless `tree_roots` was already written from this directory (the same fingerprint).
 *
 * The rule when the directory changes (an organisation moved to another tree, added or
 * removed): a store with the new directory rewrites both at its first folder count, under a SHARE ROW
 * EXCLUSIVE lock on `folder_counts`, which waits for the writes in flight and holds off new
 * ones (and another rewrite) until it commits; a write's statement then reads the new
 * `tree_roots`, so every process adds to the same rows, whatever directory it was started
 * with. A process whose directory differs from the one written (the previous release,
 * during a rolling deploy) reads its counts from `folder_counts` ({@link readTreeCounts}
 * says so), so counts always equal a recount of the viewer's list by the viewer's own
 * directory. When two directories start at once, the last rewrite holds. A store on a
 * read-only connection (a replica) writes nothing and, if its directory differs, counts
 * from `folder_counts`.
 */
export async function syncTreeRollups(db: Db, directory: Directory): Promise<void> {
  const tree = treeOf(directory);
  const current = async (on: Db) => {
    const { rows } = await sql<{ tree: string }>`SELECT tree FROM tree_rollup_state`.execute(on);
    return rows[0]?.tree === tree.fingerprint;
  };
  if (await current(db)) return;
  const { rows } = await sql<{
    ro: string;
  }>`SELECT current_setting('transaction_read_only') AS ro`.execute(db);
  // A store on a read replica leaves the tree to the primary's stores and counts as above.
  if (rows[0]?.ro === 'on') return;
  await db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE folder_counts IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    if (await current(trx)) return;
    await sql`DELETE FROM tree_roots`.execute(trx);
    await sql`INSERT INTO tree_roots (org_id, root_org_id)
      SELECT * FROM unnest(${tree.orgIds}::text[], ${tree.rootIds}::text[])`.execute(trx);
    await sql`DELETE FROM tree_rollups`.execute(trx);
    await sql`INSERT INTO tree_rollups (side, root_org_id, shard, folder, n)
      SELECT 'holding', t.root_org_id, 0, c.folder, sum(c.n)
        FROM folder_counts c JOIN tree_roots t ON t.org_id = c.holding_org_id
        GROUP BY t.root_org_id, c.folder
      UNION ALL
      SELECT 'received', t.root_org_id, 0, c.folder, sum(c.n)
        FROM folder_counts c JOIN tree_roots t ON t.org_id = c.received_org_id
        GROUP BY t.root_org_id, c.folder`.execute(trx);
    await sql`UPDATE tree_rollup_state SET tree = ${tree.fingerprint}`.execute(trx);
  });
}

/**
 * A tree scope's folder counts from `tree_rollups` (a few rows per shard and folder,
 * however many organisations the trees hold), or `undefined` when `tree_roots` was written
 * from another directory than this one: then the caller counts from `folder_counts`. The
 * check and the sum are one statement, so they see the same instant.
 */
export async function readTreeCounts(
  db: Db,
  directory: Directory,
  tree: TreeScope,
): Promise<Array<{ folder: string; n: number }> | undefined> {
  const { fingerprint } = treeOf(directory);
  const { rows } = await sql<{ folder: string | null; n: number }>`
    SELECT folder, sum(n)::integer AS n FROM tree_rollups
    WHERE side = ${tree.side} AND root_org_id = ANY (${tree.rootIds}::text[])
      AND (SELECT tree FROM tree_rollup_state) = ${fingerprint}
    GROUP BY folder
    UNION ALL
    SELECT NULL, 0 WHERE (SELECT tree FROM tree_rollup_state) IS DISTINCT FROM ${fingerprint}`.execute(
    db,
  );
  if (rows.some((r) => r.folder === null)) return undefined;
  return rows as Array<{ folder: string; n: number }>;
}
