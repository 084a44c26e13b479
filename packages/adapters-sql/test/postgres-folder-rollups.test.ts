import { type FolderCounts, folderLabels, SYSTEM_PRINCIPAL } from '@reshaem/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  directory,
  operatorSubmit,
  operatorToAnswerReady,
  potholeSubmit,
  toCoordination,
  users,
} from '../../core/test/helpers.js';
import { sendSteps } from '../../core/test/store-contract/setup.js';
import { createSqlStore, migrate, type SqlStore } from '../src/index.js';
import { shardOf } from '../src/store/kernel/folder-rollups.js';
import { syncTreeRollups } from '../src/store/kernel/tree-rollups.js';
import { databaseUrl, testSchema } from './databases.js';
import { expectRecounts, movedDirectory, readsTree, treeSums } from './tree-rollups.js';

const MESSAGES = 40;
const platformModerator = { id: 'mod-all', roles: [{ role: 'moderator' as const }] };

/**
 * Two stores with pools of their own write, all at once, messages that share one roll-up
 * shard: every write that moves a message between folders updates the same `folder_rollups`
 * rows. No write is lost or refused (no deadlock gets through), and the counts equal a
 * recount of the messages.
 */
describe.skipIf(!databaseUrl)('PostgreSQL: two writers on one roll-up row', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  let stores: SqlStore[];
  beforeAll(async () => {
    schema = await testSchema('rollups');
    await migrate(schema.connect(1));
    stores = await Promise.all(
      [0, 1].map(() => createSqlStore({ db: schema.connect(6), directory })),
    );
  });
  afterAll(() => schema?.drop());

  it('keeps the counts exact', async () => {
    const ids: string[] = [];
    for (let i = 0; ids.length < MESSAGES; i++) {
      if (shardOf(`m-hot-${i}`) === 3) ids.push(`m-hot-${i}`);
    }
    // Each message submitted and taken through four folder moves by one store; the two
    // stores' messages interleave, six at a time each.
    const life = async (store: SqlStore, id: string) => {
      const submitted = await store.submit(operatorSubmit({ messageId: id, number: id }));
      if (!submitted.ok) throw new Error(submitted.error.message);
      await sendSteps(store, submitted.message.id, operatorToAnswerReady, 1);
    };
    const writer = async (store: SqlStore, mine: string[]) => {
      const queue = [...mine];
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          for (let id = queue.shift(); id !== undefined; id = queue.shift()) await life(store, id);
        }),
      );
    };
    const [a, b] = stores as [SqlStore, SqlStore];
    await Promise.all([
      writer(
        a,
        ids.filter((_, i) => i % 2 === 0),
      ),
      writer(
        b,
        ids.filter((_, i) => i % 2 === 1),
      ),
    ]);

    const { rows: shards } = await sql<{ shard: number }>`
      SELECT DISTINCT shard FROM folder_rollups`.execute(a.db);
    expect(shards).toEqual([{ shard: 3 }]);
    const { rows } = await sql<{ folder: string; n: number }>`
      SELECT folder, count(*)::integer AS n FROM messages GROUP BY folder`.execute(a.db);
    const expected = Object.fromEntries(
      Object.keys(folderLabels).map((f) => [f, 0]),
    ) as FolderCounts;
    for (const { folder, n } of rows) expected[folder as keyof FolderCounts] = n;
    expect(expected.on_approval + expected.processed).toBe(MESSAGES);
    for (const viewer of [SYSTEM_PRINCIPAL, platformModerator, users.operator]) {
      expect(await b.folderCounts(viewer)).toEqual(expected);
    }
  }, 60_000);
});

/**
 * A rolling deploy whose new release moves an organisation to another tree: the running
 * release writes all along, the new one starts in the middle of it (its first count
 * rewrites `tree_roots` and `tree_rollups` while writes are in flight), then both write at once. Every tree
 * viewer's counts equal a recount of their list by their own release's directory, and what
 * the writes kept equals a rewrite from `folder_counts`.
 */
describe.skipIf(!databaseUrl)('PostgreSQL: tree roll-ups across a rolling deploy', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  beforeAll(async () => {
    schema = await testSchema('trees');
    await migrate(schema.connect(1));
  });
  afterAll(() => schema?.drop());

  it('keep the counts exact for both releases', async () => {
    const db = schema.connect(6);
    const before = await createSqlStore({ db, directory });
    const orgs = ['kam-roads', 'kam-edu', 'uly-roads'] as const;
    const life = async (store: SqlStore, i: number) => {
      const orgId = orgs[i % orgs.length] as (typeof orgs)[number];
      const id = `m-deploy-${i}`;
      const submitted = await store.submit(
        potholeSubmit({
          messageId: id,
          number: id,
          orgId,
          regionCode: orgId === 'uly-roads' ? '73' : '41',
          ...(orgId === 'kam-edu'
            ? { categoryId: 'education', subcategoryId: 'school-food', factId: null }
            : {}),
        }),
      );
      if (!submitted.ok) throw new Error(submitted.error.message);
      if (orgId === 'kam-roads') await sendSteps(store, id, toCoordination, 1);
      if (orgId === 'uly-roads') {
        await sendSteps(store, id, [{ type: 'moderation.accept', by: users.moderatorUly }], 1);
      }
    };
    const writer = async (store: SqlStore, from: number, to: number) => {
      for (let i = from; i < to; i += 3) {
        await Promise.all([0, 1, 2].map((k) => (i + k < to ? life(store, i + k) : undefined)));
      }
    };
    const running = writer(before, 0, 60);
    await writer(before, 60, 66);
    await before.folderCounts(users.moderator);
    const after = await createSqlStore({ db: schema.connect(6), directory: movedDirectory });
    // Its first count rewrites the tree while the running release's writes are in flight.
    await after.folderCounts(users.moderator);
    await Promise.all([running, writer(after, 100, 160), writer(before, 200, 230)]);

    expect(await readsTree(db, movedDirectory, users.coordinatorGov)).toBe(true);
    expect(await readsTree(db, directory, users.coordinatorGov)).toBe(false);
    await expectRecounts(before, 'previous release');
    await expectRecounts(after, 'new release');
    const kept = await treeSums(db);
    await sql`UPDATE tree_rollup_state SET tree = ''`.execute(db);
    await syncTreeRollups(db, movedDirectory);
    expect(await treeSums(db)).toEqual(kept);
  }, 120_000);
});
