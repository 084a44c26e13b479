import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { describeStoreContract } from '../../core/test/store-contract.js';
import { createSqlStore, type ReshaemDatabase } from '../src/index.js';
import { migratedPglite, truncateStore } from './databases.js';

let db: Kysely<ReshaemDatabase>;
beforeAll(async () => {
  db = await migratedPglite();
});
afterAll(() => db?.destroy());

describeStoreContract('PGlite', async (options) => {
  await truncateStore(db);
  return createSqlStore({ ...options, db });
});
