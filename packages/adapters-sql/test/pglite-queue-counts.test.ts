import { type Principal, type StoredMessage, SYSTEM_PRINCIPAL } from '@reshaem/core';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directory, users } from '../../core/test/helpers.js';
import { writeFixture } from '../../core/test/store-contract/fixture.js';
import { storeOptions } from '../../core/test/store-contract/setup.js';
import { createSqlStore, type ReshaemDatabase, type SqlStore } from '../src/index.js';
import { queues } from '../src/migrations/009-queues.js';
import { messageColumns } from '../src/store/kernel/columns.js';
import { queueCountsQuery } from '../src/store/pos/counts.js';
import { migratedPglite } from './databases.js';

const queueColumns = sql`id, deadline_state, rework, extension_pending, law_type, applicant_search`;

interface QueueRow {
  id: string;
  deadline_state: string | null;
  rework: boolean;
  extension_pending: boolean;
  law_type: string;
  applicant_search: string;
}

describe('queue columns and counts on PGlite', () => {
  let db: Kysely<ReshaemDatabase>;
  let store: SqlStore;
  let all: StoredMessage[];
  beforeAll(async () => {
    db = await migratedPglite();
    store = await createSqlStore({ ...storeOptions(), db });
    all = await writeFixture(store);
  });
  afterAll(() => db?.destroy());

  const rows = async () =>
    (await sql<QueueRow>`SELECT ${queueColumns} FROM messages ORDER BY id`.execute(db)).rows.filter(
      (r) => r.id.length === 4,
    );

  it('fill the columns of rows stored before step 009 as every write fills them', async () => {
    const written = await rows();
    expect(written.map((r) => r.id)).toEqual(all.map((m) => m.id).sort());
    for (const row of written) {
      const stored = all.find((m) => m.id === row.id);
      if (!stored) throw new Error(row.id);
      const { deadline_state, rework, extension_pending, law_type, applicant_search } =
        messageColumns(stored.snapshot, stored.status);
      expect(row).toEqual({
        id: row.id,
        deadline_state,
        rework,
        extension_pending,
        law_type,
        applicant_search,
      });
    }
    // The fixture reaches every value the columns take.
    expect(new Set(written.map((r) => r.deadline_state))).toEqual(
      new Set([null, 'on_time', 'due_soon', 'overdue']),
    );
    expect(written.filter((r) => r.rework).map((r) => r.id)).toEqual(['m-15']);

    await sql`UPDATE messages SET deadline_state = NULL, rework = false,
      extension_pending = false, law_type = 'message', applicant_search = ''`.execute(db);
    const backfill = queues.statements.find((s) => s.trimStart().startsWith('UPDATE'));
    if (!backfill) throw new Error('no backfill in step 009');
    await sql.raw(backfill).execute(db);
    expect(await rows()).toEqual(written);
  });

  it('count the queues from the partial indexes, not by reading the table', async () => {
    const before = new Map<string, unknown>();
    const viewers: Principal[] = [SYSTEM_PRINCIPAL, users.executorRoads2, users.headRoads];
    for (const viewer of viewers) before.set(viewer.id, await store.queueCounts(viewer));
    // 2,000 more messages in coordination, running on time: in no queue.
    await sql`INSERT INTO messages
      SELECT (jsonb_populate_record(NULL::messages,
        to_jsonb(m) || jsonb_build_object('id', m.id || '-' || g))).*
      FROM messages m, generate_series(1, 2000) g WHERE m.id = 'm-02'`.execute(db);
    await sql`ANALYZE messages`.execute(db);
    for (const viewer of viewers) {
      expect(await store.queueCounts(viewer), viewer.id).toEqual(before.get(viewer.id));
      const query = queueCountsQuery(directory, viewer);
      const plan = (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(db)).rows
        .map((r) => r['QUERY PLAN'])
        .join('\n');
      expect(plan, plan).not.toMatch(/Seq Scan on messages/);
      // An executor's scope is their own messages; the others read all three indexes.
      const indexes =
        viewer === users.executorRoads2
          ? ['messages_executor_queue']
          : ['messages_executor_queue', 'messages_extension_queue', 'messages_deadline_queue'];
      for (const index of indexes) expect(plan, plan).toContain(index);
    }
  });
});
