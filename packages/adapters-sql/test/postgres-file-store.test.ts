import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import { describeFileStoreContract } from '../../core/test/file-store-contract.js';
import { createSqlFileStore, migrate, type ReshaemDatabase } from '../src/index.js';
import { databaseUrl, testSchema } from './databases.js';

describe.skipIf(!databaseUrl)('PostgreSQL file store (DATABASE_URL)', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  let db: Kysely<ReshaemDatabase>;
  beforeAll(async () => {
    schema = await testSchema('files');
    db = schema.connect();
    await migrate(db);
  });
  afterAll(() => schema?.drop());

  describeFileStoreContract('PostgreSQL', async () => {
    await sql`TRUNCATE files CASCADE`.execute(db);
    return createSqlFileStore({ db });
  });
});
