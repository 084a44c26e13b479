import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { directory, users } from '../../core/test/helpers.js';
import {
  NOW,
  writeIndicatorHistories,
} from '../../core/test/store-contract/indicator-histories.js';
import { createSqlStore, migrate, type SqlStore } from '../src/index.js';
import { migratedPglite } from './databases.js';

describe('migration 013-message-indicators', () => {
  let store: SqlStore | undefined;
  afterEach(() => store?.close());

  it('backfills the summary rows every write keeps, from the snapshots and histories', async () => {
    const db = await migratedPglite();
    store = await createSqlStore({ db, directory });
    await writeIndicatorHistories(store);
    const rowsOf = () =>
      sql<Record<string, unknown>>`SELECT * FROM message_indicators ORDER BY message_id`
        .execute(db)
        .then((r) => r.rows);
    const written = await rowsOf();
    expect(written).toHaveLength(10);
    const query = { from: '2025-01-01', to: '2025-02-28', groupBy: 'week', now: NOW } as const;
    const before = await store.indicators(query, users.curatorGov);

    // Back to the schema before the step, with the messages it found there.
    await sql`DROP TABLE message_indicators`.execute(db);
    await sql`DELETE FROM reshaem_migrations WHERE version = 13`.execute(db);
    expect((await migrate(db)).applied).toEqual(['013-message-indicators']);

    expect(await rowsOf()).toEqual(written);
    expect(await store.indicators(query, users.curatorGov)).toEqual(before);
  });
});
