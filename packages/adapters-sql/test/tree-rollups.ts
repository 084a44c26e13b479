import {
  createDirectory,
  type Directory,
  type MessageStore,
  type Principal,
  viewScopeOf,
} from '@reshaem/core';
import { demoDirectoryInput } from '@reshaem/core/testing';
import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import { users } from '../../core/test/helpers.js';
import { recount } from '../../core/test/store-contract/folder-count-walks.js';

export { recount };

import type { ReshaemDatabase } from '../src/index.js';
import { readTreeCounts, treeScopeOf } from '../src/store/kernel/tree-rollups.js';

/**
 * The next release's directory: the Kamchatka ministry of education (and its school) leaves
 * the region's tree and stands on its own.
 */
export const movedDirectory: Directory = createDirectory({
  ...demoDirectoryInput,
  organisations: demoDirectoryInput.organisations.map((o) =>
    o.id === 'kam-edu' ? { ...o, parentId: null } : o,
  ),
});

const coordinatorEdu: Principal = {
  id: 'coord-edu',
  roles: [{ role: 'coordinator', orgId: 'kam-edu' }],
};

/** Viewers whose scope is one tree or more in either directory, or becomes one. */
export const treeViewers: Array<[string, Principal]> = [
  ["Kamchatka's moderator", users.moderator],
  ["Kamchatka's coordinator", users.coordinatorGov],
  ["Ulyanovsk's moderator", users.moderatorUly],
  ["the ministry of education's coordinator", coordinatorEdu],
];

/** Every tree viewer's counts equal a recount of their list, in this store's directory. */
export async function expectRecounts(store: MessageStore, label: string) {
  for (const [name, viewer] of treeViewers) {
    expect(await store.folderCounts(viewer), `${name}, ${label}`).toEqual(
      await recount(store, viewer),
    );
  }
}

/** Does this directory's store read the viewer's counts from `tree_rollups` now? */
export async function readsTree(db: Kysely<ReshaemDatabase>, directory: Directory, who: Principal) {
  const tree = treeScopeOf(viewScopeOf(who, directory), directory);
  return tree !== undefined && (await readTreeCounts(db, directory, tree)) !== undefined;
}

/** The roll-up rows summed, to compare with a rebuild from `folder_counts`. */
export async function treeSums(db: Kysely<ReshaemDatabase>) {
  const { rows } = await sql<{ side: string; root_org_id: string; folder: string; n: number }>`
    SELECT side, root_org_id, folder, sum(n)::integer AS n FROM tree_rollups
    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3`.execute(db);
  return rows;
}
