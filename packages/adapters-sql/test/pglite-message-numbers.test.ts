import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { directory, operatorSubmit, potholeSubmit } from '../../core/test/helpers.js';
import { createSqlStore, migrate, type SqlStore } from '../src/index.js';
import { migratedPglite } from './databases.js';

describe('migration 012-message-numbers', () => {
  let store: SqlStore | undefined;
  afterEach(() => store?.close());

  it('keeps existing numbers and continues each region after the highest of the new form', async () => {
    const db = await migratedPglite();
    store = await createSqlStore({ db, directory });
    const named = [
      potholeSubmit({ messageId: 'old-1', number: '41-241231-0042' }),
      potholeSubmit({ messageId: 'old-2', number: '41-250101-0007' }),
      potholeSubmit({ messageId: 'old-3', number: 'demo-109' }),
      operatorSubmit({ messageId: 'old-4', number: '73-250101-0003' }),
    ];
    for (const event of named) expect((await store.submit(event)).ok).toBe(true);
    // Back to the schema before the step, with the rows it found there.
    await sql`DROP TABLE message_counters`.execute(db);
    await sql`DELETE FROM reshaem_migrations WHERE version = 12`.execute(db);
    expect((await migrate(db)).applied).toEqual(['012-message-numbers']);

    const { number: _k, ...kam } = potholeSubmit({ messageId: 'new-1' });
    const { number: _u, ...uly } = operatorSubmit({ messageId: 'new-2' });
    const numberOf = async (event: unknown) => {
      const result = await store!.submit(event);
      return result.ok ? result.message.snapshot.context.number : result.error.kind;
    };
    expect(await numberOf(kam)).toBe('41-250115-0043');
    expect(await numberOf(uly)).toBe('73-250115-0004');
    const old = await db.selectFrom('messages').select(['id', 'number']).orderBy('id').execute();
    expect(old.filter((r) => r.id.startsWith('old-')).map((r) => r.number)).toEqual(
      named.map((e) => e.number),
    );
  });
});
