import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOnfDemoDirectory, onfDemoUsers as users } from '../../core/src/testing/index.js';
import { describeCaseFilesContract } from '../../core/test/case-files-contract.js';
import { describeCaseStoreContract } from '../../core/test/case-store-contract.js';
import { createSqlFileStore, createSqlStore, migrate, type ReshaemDatabase } from '../src/index.js';
import { databaseUrl, testSchema } from './databases.js';

describe.skipIf(!databaseUrl)('PostgreSQL cases (DATABASE_URL)', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  let db: Kysely<ReshaemDatabase>;
  beforeAll(async () => {
    schema = await testSchema('cases');
    db = schema.connect();
    await migrate(db);
  });
  afterAll(() => schema?.drop());

  describeCaseStoreContract('PostgreSQL', async (options) => {
    await sql`TRUNCATE cases, case_history, timers, outbox, idempotency_keys`.execute(db);
    return createSqlStore({ ...options, db });
  });

  describeCaseFilesContract('PostgreSQL', async ({ directory }) => {
    await sql`TRUNCATE cases, case_history, timers, outbox, idempotency_keys, files, file_chunks`.execute(
      db,
    );
    const store = await createSqlStore({ directory, db });
    return { store, files: createSqlFileStore({ db }), close: () => store.close() };
  });

  it('lets only one of two concurrent locks by one executor commit', async () => {
    await sql`TRUNCATE cases, case_history, timers, outbox, idempotency_keys`.execute(db);
    const store = await createSqlStore({ db, directory: createOnfDemoDirectory() });
    const at = '2025-01-15T03:00:00.000Z';
    for (const caseId of ['p-1', 'p-2']) {
      const create = {
        type: 'case.create',
        at,
        by: { id: 'system', roles: [{ role: 'system' }] },
        caseId,
        number: caseId,
        applicant: { name: 'Тест', phone: '+79175618918' },
        text: 'Помощь',
        regionCode: '75',
        categoryType: 'nko',
        categoryId: 'medicine',
      };
      expect((await store.submitCase(create)).ok).toBe(true);
      const assign = { type: 'case.assign', at, by: users.supervisor75, executorId: 'exec-75' };
      expect((await store.sendCase(caseId, assign)).ok).toBe(true);
    }
    const lock = { type: 'case.lock', at, by: users.executor75 };
    const results = await Promise.all(['p-1', 'p-2'].map((id) => store.sendCase(id, lock)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error.kind).toBe('lock_conflict');
  });
});
