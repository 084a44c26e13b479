import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { describeCaseFilesContract } from '../../core/test/case-files-contract.js';
import { describeCaseStoreContract } from '../../core/test/case-store-contract.js';
import { createSqlFileStore, createSqlStore, type ReshaemDatabase } from '../src/index.js';
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

describeCaseFilesContract('PGlite', async ({ directory }) => {
  await sql`TRUNCATE cases, case_history, timers, outbox, idempotency_keys, files, file_chunks`.execute(
    db,
  );
  const store = await createSqlStore({ directory, db });
  return { store, files: createSqlFileStore({ db }), close: () => store.close() };
});
