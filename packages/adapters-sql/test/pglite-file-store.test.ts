import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFileStoreContract } from '../../core/test/file-store-contract.js';
import type { ReshaemDatabase } from '../src/index.js';
import { createSqlFileStore, createSqlStore, migrate } from '../src/index.js';
import { migratedPglite, truncateStore } from './databases.js';

let db: Kysely<ReshaemDatabase>;
beforeAll(async () => {
  db = await migratedPglite();
});
afterAll(() => db?.destroy());

describeFileStoreContract('PGlite', async () => {
  await sql`TRUNCATE files CASCADE`.execute(db);
  return createSqlFileStore({ db });
});

describe('PGlite file store: the bytes as rows', () => {
  it('stores a file in chunks of the configured size, and the migration runs once', async () => {
    await sql`TRUNCATE files CASCADE`.execute(db);
    const files = createSqlFileStore({ db, chunkBytes: 1000 });
    await files.put(
      {
        id: 'c',
        name: 'a.txt',
        contentType: 'text/plain',
        uploadedBy: 'u',
        uploadedAt: '2025-01-15T00:00:00.000Z',
      },
      (async function* () {
        yield new Uint8Array(1500);
        yield new Uint8Array(1600);
      })(),
    );
    const rows = await db
      .selectFrom('file_chunks')
      .select(({ fn }) => ['seq', fn<number>('octet_length', ['bytes']).as('length')])
      .where('file_id', '=', 'c')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.seq, Number(r.length)])).toEqual([
      [0, 1000],
      [1, 1000],
      [2, 1000],
      [3, 100],
    ]);
    expect((await migrate(db)).applied).toEqual([]);
  });

  it('attaches, instead of listing for removal, an upload a stored message names', async () => {
    await sql`TRUNCATE files CASCADE`.execute(db);
    const { createDemoDirectory, demoUsers } = await import('@reshaem/core/testing');
    await truncateStore(db);
    const store = await createSqlStore({ db, directory: createDemoDirectory() });
    const files = createSqlFileStore({ db });
    const photo = await files.put(
      {
        id: 'ph',
        name: 'яма.jpg',
        contentType: 'image/jpeg',
        uploadedBy: demoUsers.applicant.id,
        uploadedAt: '2025-01-15T00:00:00.000Z',
      },
      (async function* () {
        yield new Uint8Array(10);
      })(),
    );
    const written = await store.submit(
      {
        type: 'submit',
        at: '2025-01-15T11:18:00.000Z',
        by: demoUsers.applicant,
        messageId: 'm-ph',
        number: '41-1',
        channel: 'epgu_form',
        orgId: 'kam-roads',
        regionCode: '41',
        applicant: { name: 'Иванов И. И.' },
        text: 'Яма',
        categoryId: 'roads',
        subcategoryId: 'potholes',
        attachments: [{ fileId: photo.id }],
      },
      { files: { known: [photo] } },
    );
    expect(written.ok).toBe(true);
    // The attach never happened (as after a crash): the cleanup must not take the photo.
    expect(await files.unattachedBefore('2025-02-01T00:00:00.000Z', 10)).toEqual([]);
    expect((await files.describe(['ph']))[0]?.attachedTo).toBe('m-ph');
  });

  it('never shows a row a crash left incomplete, and lists it for the cleanup', async () => {
    await sql`TRUNCATE files CASCADE`.execute(db);
    await db
      .insertInto('files')
      .values({
        id: 'half',
        name: 'x.pdf',
        content_type: 'application/pdf',
        uploaded_by: 'u',
        uploaded_at: '2025-01-01T00:00:00.000Z',
        size: 0,
      })
      .execute();
    const files = createSqlFileStore({ db });
    expect(await files.get('half')).toBeUndefined();
    expect(await files.describe(['half'])).toEqual([]);
    const due = await files.unattachedBefore('2025-02-01T00:00:00.000Z', 10);
    expect(due.map((f) => f.id)).toEqual(['half']);
    expect(await files.delete('half')).toBe(true);
  });
});
