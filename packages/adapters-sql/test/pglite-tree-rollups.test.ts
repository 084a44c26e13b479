import { type Principal, viewScopeOf } from '@reshaem/core';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { directory, potholeSubmit, users } from '../../core/test/helpers.js';
import { writeFixture } from '../../core/test/store-contract/fixture.js';
import { recount } from '../../core/test/store-contract/folder-count-walks.js';
import { createSqlStore, type SqlStore } from '../src/index.js';
import { syncTreeRollups, treeOf, treeScopeOf } from '../src/store/kernel/tree-rollups.js';
import { migratedPglite } from './databases.js';
import {
  expectRecounts,
  movedDirectory,
  readsTree,
  treeSums,
  treeViewers,
} from './tree-rollups.js';

const scopeOf = (who: Principal) => treeScopeOf(viewScopeOf(who, directory), directory);

describe('tree scopes', () => {
  it('are the scopes that are whole trees on one side', () => {
    expect(scopeOf(users.moderator)).toEqual({ side: 'received', rootIds: ['kam-gov'] });
    expect(scopeOf(users.coordinatorGov)).toEqual({ side: 'holding', rootIds: ['kam-gov'] });
    const twoRegions: Principal = {
      id: 'c',
      roles: [
        { role: 'coordinator', orgId: 'kam-gov' },
        { role: 'curator', orgId: 'uly-gov' },
      ],
    };
    expect(scopeOf(twoRegions)?.rootIds.sort()).toEqual(['kam-gov', 'uly-gov']);
  });

  it('are not a part of a tree, both sides, or what is added by being phoned in', () => {
    expect(scopeOf(users.coordinatorRoads)).toBeUndefined();
    const both: Principal = {
      id: 'b',
      roles: [
        { role: 'moderator', orgId: 'kam-gov' },
        { role: 'coordinator', orgId: 'kam-gov' },
      ],
    };
    expect(scopeOf(both)).toBeUndefined();
    const withOperator: Principal = {
      id: 'o',
      roles: [{ role: 'coordinator', orgId: 'kam-gov' }, { role: 'operator' }],
    };
    expect(scopeOf(withOperator)).toBeUndefined();
    expect(scopeOf({ id: 'm', roles: [{ role: 'moderator' }] })).toBeUndefined();
  });

  it('follow the directory: a ministry that stands alone is a tree', () => {
    const edu: Principal = { id: 'e', roles: [{ role: 'coordinator', orgId: 'kam-edu' }] };
    expect(scopeOf(edu)).toBeUndefined();
    expect(treeScopeOf(viewScopeOf(edu, movedDirectory), movedDirectory)).toEqual({
      side: 'holding',
      rootIds: ['kam-edu'],
    });
    expect(treeOf(movedDirectory).fingerprint).not.toBe(treeOf(directory).fingerprint);
  });
});

describe('tree roll-ups when the directory changes', () => {
  let stores: SqlStore[] = [];
  afterEach(async () => {
    for (const s of stores) await s.close();
    stores = [];
  });

  it('are rewritten by the new directory; the old one reads folder_counts; writes of both keep them', async () => {
    const db = await migratedPglite();
    const before = await createSqlStore({ db, directory, migrate: false });
    stores.push(before);
    await writeFixture(before);
    await expectRecounts(before, 'one directory');
    expect(await readsTree(db, directory, users.coordinatorGov)).toBe(true);

    // The next release starts beside the running one, and writes its tree at its first count.
    const after = await createSqlStore({ db, directory: movedDirectory, migrate: false });
    stores.push(after);
    await after.folderCounts(users.moderator);
    expect(await readsTree(db, movedDirectory, users.coordinatorGov)).toBe(true);
    expect(await readsTree(db, directory, users.coordinatorGov)).toBe(false);
    // The move changes what Kamchatka's coordinator sees, and both counts are right.
    expect(await after.folderCounts(users.coordinatorGov)).not.toEqual(
      await before.folderCounts(users.coordinatorGov),
    );
    await expectRecounts(before, 'previous release, after the new one started');
    await expectRecounts(after, 'new release');

    // Both releases write: a message to the ministry that moved, and one to a road agency.
    const writes: Array<[SqlStore, string, string]> = [
      [before, 'kam-edu', 'm-tree-1'],
      [after, 'kam-edu', 'm-tree-2'],
      [before, 'kam-roads', 'm-tree-3'],
      [after, 'uly-roads', 'm-tree-4'],
    ];
    for (const [store, orgId, messageId] of writes) {
      const region = orgId.startsWith('uly') ? '73' : '41';
      const submitted = await store.submit(
        potholeSubmit({
          messageId,
          number: messageId,
          orgId,
          regionCode: region,
          ...(orgId === 'kam-edu'
            ? { categoryId: 'education', subcategoryId: 'school-food', factId: null }
            : {}),
        }),
      );
      if (!submitted.ok) throw new Error(submitted.error.message);
    }
    await expectRecounts(before, 'previous release, after writes of both');
    await expectRecounts(after, 'new release, after writes of both');

    // What the writes kept equals a rewrite from folder_counts by the same directory.
    const kept = await treeSums(db);
    await sql`UPDATE tree_rollup_state SET tree = ''`.execute(db);
    await syncTreeRollups(db, movedDirectory);
    expect(await treeSums(db)).toEqual(kept);
    expect(kept.length).toBeGreaterThan(0);
    await db.destroy();
  });

  it('are written at a store’s first count, not when it is created', async () => {
    const db = await migratedPglite();
    const store = await createSqlStore({ db, directory, migrate: false });
    stores.push(store);
    await writeFixture(store);
    expect(await readsTree(db, directory, users.moderator)).toBe(false);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::integer AS n FROM tree_rollups`.execute(db);
    expect(rows[0]?.n).toBe(0);
    for (const [name, viewer] of treeViewers) {
      expect(await store.folderCounts(viewer), name).toEqual(await recount(store, viewer));
    }
    expect(await readsTree(db, directory, users.moderator)).toBe(true);
    await db.destroy();
  });
});

describe('tree roll-ups on a read-only connection', () => {
  it('are left as they are; a store whose directory differs counts from folder_counts', async () => {
    const db = await migratedPglite();
    const writer = await createSqlStore({ db, directory, migrate: false });
    await writeFixture(writer);
    await writer.folderCounts(users.moderator);
    await sql`SET default_transaction_read_only = on`.execute(db);
    const replica = await createSqlStore({ db, directory: movedDirectory, migrate: false });
    expect(await readsTree(db, directory, users.coordinatorGov)).toBe(true);
    expect(await readsTree(db, movedDirectory, users.coordinatorGov)).toBe(false);
    await expectRecounts(replica, 'read-only, another directory');
    await db.destroy();
  });
});
