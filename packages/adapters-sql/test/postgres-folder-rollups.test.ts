import { type FolderCounts, folderLabels, SYSTEM_PRINCIPAL } from '@reshaem/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  directory,
  operatorSubmit,
  operatorToAnswerReady,
  users,
} from '../../core/test/helpers.js';
import { sendSteps } from '../../core/test/store-contract/setup.js';
import { createSqlStore, migrate, type SqlStore } from '../src/index.js';
import { shardOf } from '../src/store/kernel/folder-rollups.js';
import { databaseUrl, testSchema } from './databases.js';

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
