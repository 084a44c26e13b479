import { SYSTEM_PRINCIPAL } from '@reshaem/core';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { directory, users } from '../../core/test/helpers.js';
import { writeFixture } from '../../core/test/store-contract/fixture.js';
import { createSqlStore, migrate, type SqlStore } from '../src/index.js';
import type { CountKey } from '../src/store/kernel/columns.js';
import { ROLLUP_SHARDS, rollupChanges, shardOf } from '../src/store/kernel/folder-rollups.js';
import { migratedPglite } from './databases.js';

const platformModerator = { id: 'mod-all', roles: [{ role: 'moderator' as const }] };
const viewers = [SYSTEM_PRINCIPAL, platformModerator, users.operator, users.moderator];

const key = (folder: string, operatorEntered = false, holdingOrgId = 'kam-roads'): CountKey => ({
  holdingOrgId,
  receivedOrgId: 'kam-roads',
  operatorEntered,
  folder,
});

describe('folder roll-up changes', () => {
  it('follow the count changes: every message, and the phoned-in ones', () => {
    const changes = rollupChanges('m-1', [
      { key: key('in_work', true), delta: 1 },
      { key: key('new', true), delta: -1 },
    ]);
    const shard = shardOf('m-1');
    expect(changes).toEqual([
      { scope: 'all', shard, folder: 'in_work', delta: 1 },
      { scope: 'all', shard, folder: 'new', delta: -1 },
      { scope: 'operator', shard, folder: 'in_work', delta: 1 },
      { scope: 'operator', shard, folder: 'new', delta: -1 },
    ]);
  });

  it('net out a move between organisations within one folder', () => {
    const moved = [
      { key: key('new', false, 'kam-edu'), delta: 1 },
      { key: key('new', false, 'kam-roads'), delta: -1 },
    ];
    expect(rollupChanges('m-1', moved)).toEqual([]);
  });

  it('put a message in one shard of the range, whatever its write, and spread messages', () => {
    const shards = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const shard = shardOf(`41-250115-${i}`);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(ROLLUP_SHARDS);
      expect(shardOf(`41-250115-${i}`)).toBe(shard);
      shards.add(shard);
    }
    expect(shards.size).toBe(ROLLUP_SHARDS);
  });
});

describe('migration 016-folder-rollups', () => {
  let store: SqlStore | undefined;
  afterEach(() => store?.close());

  it('derives the roll-up from the folder counts there are, and writes keep it after', async () => {
    const db = await migratedPglite();
    store = await createSqlStore({ db, directory });
    const all = await writeFixture(store);
    const countsOf = (s: SqlStore) => Promise.all(viewers.map((v) => s.folderCounts(v)));
    const before = await countsOf(store);
    expect(before[0]?.new).toBeGreaterThan(0);
    expect(before[2]).not.toEqual(before[0]);

    // Back to the schema before the step, with the counts it found there.
    await sql`DROP TABLE folder_rollups`.execute(db);
    await sql`DELETE FROM reshaem_migrations WHERE version = 16`.execute(db);
    expect((await migrate(db)).applied).toEqual(['016-folder-rollups']);
    const { rows } = await sql<{ shards: number }>`
      SELECT count(DISTINCT shard)::integer AS shards FROM folder_rollups`.execute(db);
    expect(rows[0]?.shards).toBe(1);
    expect(await countsOf(store)).toEqual(before);

    // A message the back-fill put in shard 0 moves on from its own shard: the sums hold.
    const moved = all.find(
      (m) =>
        m.status === 'moderation' && m.snapshot.context.regionCode === '41' && shardOf(m.id) !== 0,
    );
    if (!moved) throw new Error('the fixture has no message in moderation outside shard 0');
    const rejected = await store.send(moved.id, {
      type: 'moderation.reject',
      at: '2025-03-01T00:00:00.000Z',
      by: users.moderator,
      reason: 'Нет сути обращения',
    });
    expect(rejected.ok).toBe(true);
    const after = await countsOf(store);
    expect(after[0]).not.toEqual(before[0]);
    const { rows: recount } = await sql<{ folder: string; n: number }>`
      SELECT folder, count(*)::integer AS n FROM messages GROUP BY folder`.execute(db);
    for (const { folder, n } of recount) expect(after[0]?.[folder as 'new']).toBe(n);
    await db.destroy();
  });
});
