import { PGlite } from '@electric-sql/pglite';
import { messageNumber, type SubmitEventInput } from '@reshaem/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { directory, operatorSubmit, potholeSubmit } from '../../core/test/helpers.js';
import { createPgliteKysely, createSqlStore, migrate, type SqlStore } from '../src/index.js';
import { NUMBER_PLACEHOLDER } from '../src/store/pos/numbered-submit.js';
import { truncateStore } from './databases.js';

function unnumbered(event: SubmitEventInput): Omit<SubmitEventInput, 'number'> {
  const { number: _number, ...rest } = event;
  return rest;
}

const numberOf = (result: Awaited<ReturnType<SqlStore['submit']>>) =>
  result.ok ? result.message.snapshot.context.number : result.error.kind;

describe('a numbered submit in one statement (PGlite)', () => {
  const pglite = new PGlite();
  /** Every exchange the store has with the database, BEGIN and COMMIT among them. */
  const sent: string[] = [];
  const counting = {
    query: (text: string, params?: unknown[]) => {
      sent.push(text);
      return pglite.query(text, params);
    },
    execProtocol: (message: Uint8Array, options?: { throwOnError?: boolean }) => {
      sent.push('(prepared)');
      return pglite.execProtocol(message, options);
    },
    runExclusive: <T>(run: () => Promise<T>) => pglite.runExclusive(run),
    get parsers() {
      return pglite.parsers;
    },
  } as unknown as PGlite;
  const db = createPgliteKysely({ pglite: counting });
  let store: SqlStore;
  beforeAll(async () => {
    await migrate(db);
    store = await createSqlStore({ db, directory });
  });
  beforeEach(async () => {
    await truncateStore(db);
    sent.length = 0;
  });
  afterAll(async () => {
    await db.destroy();
    await pglite.close();
  });

  it('takes the number and writes the message with one statement, no transaction around it', async () => {
    const result = await store.submit(unnumbered(potholeSubmit({ messageId: 'one' })));
    expect(numberOf(result)).toBe('41-250115-0001');
    expect(sent).toHaveLength(1);
    const row = await db
      .selectFrom('messages')
      .select(['number', sql<string>`snapshot->'context'->>'number'`.as('inSnapshot')])
      .where('id', '=', 'one')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ number: '41-250115-0001', inSnapshot: '41-250115-0001' });
    expect(await store.get('one')).toEqual(result.ok && result.message);
  });

  it('pads the counter as messageNumber does, past 9999 too', async () => {
    await sql`INSERT INTO message_counters (region_code, last_value) VALUES ('41', 9998)`.execute(
      db,
    );
    const event = unnumbered(potholeSubmit({ messageId: 'x' }));
    const numbers: string[] = [];
    for (const id of ['a', 'b', 'c']) {
      numbers.push(numberOf(await store.submit({ ...event, messageId: id })));
    }
    const request = { regionCode: '41', at: event.at };
    expect(numbers).toEqual([9999, 10000, 10001].map((seq) => messageNumber(request, seq)));
  });

  it('numbers in a transaction of its own a submit whose placeholder stands in another field too', async () => {
    // The applicant is called what the rules are given as the number: the statement could
    // not tell the two apart, so the number is taken first and the rules run with it.
    const event = unnumbered(operatorSubmit({ messageId: 'named' }));
    const odd = { ...event, applicant: { ...event.applicant, name: NUMBER_PLACEHOLDER } };
    const first = await store.submit(odd, { idempotencyKey: 'odd-1' });
    expect(numberOf(first)).toBe('73-250115-0001');
    expect(sent.some((text) => /^begin/i.test(text))).toBe(true);
    const again = await store.submit(odd, { idempotencyKey: 'odd-1' });
    expect(again.ok && again.replayed).toBe(true);
    expect(numberOf(again)).toBe('73-250115-0001');
    expect(again.ok && again.message.snapshot.context.applicant.name).toBe(NUMBER_PLACEHOLDER);
  });

  it('stores the number in the idempotency key’s result, and a failed submit takes none', async () => {
    const event = unnumbered(potholeSubmit({ messageId: 'keyed' }));
    const first = await store.submit(event, { idempotencyKey: 'k-1' });
    const replay = await store.submit(event, { idempotencyKey: 'k-1' });
    expect(replay.ok && replay.replayed).toBe(true);
    expect(numberOf(replay)).toBe(numberOf(first));
    expect(replay.ok && replay.message).toEqual(first.ok && first.message);
    // The same id again, without the key: refused, and the counter gives the number back.
    expect(numberOf(await store.submit(event))).toBe('already_exists');
    const next = await store.submit({ ...event, messageId: 'next' });
    expect(numberOf(next)).toBe('41-250115-0002');
  });
});
