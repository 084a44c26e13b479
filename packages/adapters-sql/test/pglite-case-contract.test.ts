import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { describeCaseStoreContract } from '../../core/test/case-store-contract.js';
import { createSqlStore, type ReshaemDatabase } from '../src/index.js';
import { migratedPglite } from './databases.js';

let db: Kysely<ReshaemDatabase>;
beforeAll(async () => {
  db = await migratedPglite();
});
afterAll(() => db?.destroy());

describeCaseStoreContract('PGlite', async (options) => {
  await sql`TRUNCATE cases, case_history, timers, outbox, idempotency_keys`.execute(db);
  return createSqlStore({ ...options, db });
});
