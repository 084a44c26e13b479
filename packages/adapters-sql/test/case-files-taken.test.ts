import { caseFileOwner, type FileStore, SYSTEM_PRINCIPAL } from '@reshaem/core';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOnfDemoDirectory, onfDemoUsers as users } from '../../core/src/testing/index.js';
import {
  createSqlFileStore,
  createSqlStore,
  migrate,
  type ReshaemDatabase,
  type SqlStore,
} from '../src/index.js';
import { databaseUrl, migratedPglite, testSchema } from './databases.js';

const at = (minute: number) =>
  new Date(Date.parse('2025-01-15T03:00:00Z') + minute * 60_000).toISOString();

async function* once(bytes: Uint8Array) {
  yield bytes;
}

/**
 * The route looks uploads up before the write's transaction; a concurrent write may attach
 * one elsewhere in between. The card store must then undo the resolve rather than store a
 * card naming a file that belongs to something else.
 */
function describeTakenMeanwhile(
  name: string,
  open: () => Promise<Kysely<ReshaemDatabase>>,
  ownsDb: boolean,
) {
  describe(`a file taken between the look-up and the write: ${name}`, () => {
    let db: Kysely<ReshaemDatabase>;
    let store: SqlStore;
    let files: FileStore;
    beforeAll(async () => {
      db = await open();
      await sql`TRUNCATE cases, case_history, timers, outbox, idempotency_keys, files, file_chunks`.execute(
        db,
      );
      store = await createSqlStore({ db, directory: createOnfDemoDirectory() });
      files = createSqlFileStore({ db });
    });

    it('refuses the resolve, keeps the card as it was and the file where it went', async () => {
      const create = {
        type: 'case.create',
        at: at(0),
        by: SYSTEM_PRINCIPAL,
        caseId: 'taken-1',
        number: 'T-1',
        applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
        text: 'Помощь',
        regionCode: '75',
        categoryType: 'nko',
        categoryId: 'medicine',
      };
      expect((await store.submitCase(create)).ok).toBe(true);
      const assign = {
        type: 'case.assign',
        at: at(1),
        by: users.supervisor75,
        executorId: 'exec-75',
      };
      expect((await store.sendCase('taken-1', assign)).ok).toBe(true);
      const lock = { type: 'case.lock', at: at(2), by: users.executor75 };
      expect((await store.sendCase('taken-1', lock)).ok).toBe(true);
      const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
      const newFile = (id: string) => ({
        id,
        name: `${id}.pdf`,
        contentType: 'application/pdf',
        uploadedBy: 'exec-75',
        uploadedAt: at(2),
      });
      const kept = await files.put(newFile('kept'), once(pdf));
      const taken = await files.put(newFile('taken'), once(pdf));
      // The look-up sees two fresh uploads of the executor's…
      const known = await files.describe([kept.id, taken.id]);
      // …then another write attaches one of them to a message.
      await files.attach([taken.id], 'message-elsewhere');
      const resolve = {
        type: 'case.resolve',
        at: at(3),
        by: users.executor75,
        description: 'Готово',
        files: [{ fileId: kept.id }, { fileId: taken.id }],
      };
      const result = await store.sendCase('taken-1', resolve, { files: { known } });
      expect(result.ok ? 'written' : result.error.kind).toBe('invalid_payload');
      if (!result.ok && result.error.kind === 'invalid_payload') {
        expect(result.error.issues).toEqual([
          { path: ['files', 1, 'fileId'], message: `загруженный файл ${taken.id} не найден` },
        ]);
      }
      const card = await store.getCase('taken-1');
      expect(card?.version).toBe(3);
      expect(card?.snapshot.context.resolution).toBeNull();
      expect((await store.caseHistory('taken-1')).map((h) => h.type)).not.toContain('case.resolve');
      const after = await files.describe([kept.id, taken.id]);
      expect(Object.fromEntries(after.map((f) => [f.id, f.attachedTo]))).toEqual({
        kept: null,
        taken: 'message-elsewhere',
      });
      // With a fresh look-up the one still free goes through.
      const again = await store.sendCase(
        'taken-1',
        { ...resolve, files: [{ fileId: kept.id }] },
        { files: { known: await files.describe([kept.id]) } },
      );
      expect(again.ok).toBe(true);
      expect((await files.describe([kept.id]))[0]?.attachedTo).toBe(caseFileOwner('taken-1'));
    });

    afterAll(async () => {
      await store?.close();
      if (ownsDb) await db?.destroy();
    });
  });
}

describeTakenMeanwhile('PGlite', async () => migratedPglite(), true);

describe.skipIf(!databaseUrl)('PostgreSQL (DATABASE_URL)', () => {
  let schema: Awaited<ReturnType<typeof testSchema>> | undefined;
  afterAll(() => schema?.drop());
  describeTakenMeanwhile(
    'PostgreSQL',
    async () => {
      schema = await testSchema('case_files_taken');
      const db = schema.connect();
      await migrate(db);
      return db;
    },
    false,
  );
});
