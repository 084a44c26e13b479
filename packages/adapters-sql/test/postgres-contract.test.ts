import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import { describeStoreContract } from '../../core/test/store-contract.js';
import { createSqlStore, migrate, type ReshaemDatabase } from '../src/index.js';
import { databaseUrl, testSchema, truncateStore } from './databases.js';

describe.skipIf(!databaseUrl)('PostgreSQL (DATABASE_URL)', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  let db: Kysely<ReshaemDatabase>;
  beforeAll(async () => {
    schema = await testSchema('contract');
    db = schema.connect();
    await migrate(db);
  });
  afterAll(() => schema?.drop());

  describeStoreContract('PostgreSQL', async (options) => {
    await truncateStore(db);
    return createSqlStore({ ...options, db });
  });
});
