import type { MessageStore } from '@reshaem/core';
import type { PostgresPool } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, directory, potholeSubmit, users } from '../../core/test/helpers.js';
import { createPostgresKysely, createSqlStore, migrate } from '../src/index.js';
import { databaseUrl, testSchema } from './databases.js';

/*
 * The store remembers the messages it last wrote (`cachedMessages`) and applies their next
 * event without reading them back. What it remembers is a guess the database confirms:
 * another store instance (another portal process) writing the same message must never be
 * overwritten or refused on a stale memory.
 */

/** A pool that counts the statements reading one message by id. */
function countingPool(schema: string) {
  const counter = { reads: 0 };
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    options: `-c search_path=${schema}`,
  });
  const counted = (text: string) => {
    if (/SELECT version, snapshot FROM messages WHERE id = \$1/.test(text)) counter.reads += 1;
  };
  // A pooled connection comes back many times: its query is wrapped once.
  const wrappedClients = new WeakSet<pg.PoolClient>();
  const wrapped: PostgresPool = {
    async connect() {
      const client = await pool.connect();
      if (!wrappedClients.has(client)) {
        wrappedClients.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
        Object.assign(client, {
          query: (first: unknown, ...rest: unknown[]) => {
            counted(typeof first === 'string' ? first : (first as { text: string }).text);
            return query(first, ...rest);
          },
        });
      }
      return client as unknown as Awaited<ReturnType<PostgresPool['connect']>>;
    },
    end: () => pool.end(),
  };
  return { counter, pool: wrapped };
}

describe.skipIf(!databaseUrl)('PostgreSQL: the messages a store remembers', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  const closing: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    schema = await testSchema('cached');
    await migrate(schema.connect(1));
  });
  afterAll(async () => {
    for (const close of closing) await close();
    await schema?.drop();
  });

  async function counted(cachedMessages?: number) {
    const { counter, pool } = countingPool(schema.schema);
    const db = createPostgresKysely({ pool, prepare: true });
    closing.push(() => db.destroy());
    const store = await createSqlStore({
      db,
      directory,
      ...(cachedMessages === undefined ? {} : { cachedMessages }),
    });
    return { counter, store };
  }

  it('applies the next event of a message it wrote without reading it; with 0, reads every time', async () => {
    const remembering = await counted();
    const id = 'm-cache-1';
    expect((await remembering.store.submit(potholeSubmit({ messageId: id, number: id }))).ok).toBe(
      true,
    );
    const accepted = await remembering.store.send(id, {
      type: 'moderation.accept',
      at: at(1),
      by: users.moderator,
    });
    expect(accepted.ok).toBe(true);
    const assigned = await remembering.store.send(
      id,
      {
        type: 'executor.assign',
        at: at(2),
        by: users.coordinatorRoads,
        executorId: users.executorRoads.id,
      },
      { expectedVersion: 2 },
    );
    expect(assigned.ok && assigned.message.version).toBe(3);
    expect(remembering.counter.reads).toBe(0);
    if (assigned.ok) expect(Object.isFrozen(assigned.message.snapshot.context)).toBe(true);

    const reading = await counted(0);
    const other = 'm-cache-2';
    await reading.store.submit(potholeSubmit({ messageId: other, number: other }));
    await reading.store.send(other, { type: 'moderation.accept', at: at(1), by: users.moderator });
    expect(reading.counter.reads).toBe(1);
    await expect(
      createSqlStore({ db: schema.connect(1), directory, cachedMessages: -1 }),
    ).rejects.toThrow(RangeError);
  });

  it('never overwrites or refuses on what another store wrote since', async () => {
    const a = (await counted()).store;
    const b = (await counted()).store;
    const id = 'm-cache-3';
    await a.submit(potholeSubmit({ messageId: id, number: id }));
    // a remembers the message in coordination, at version 2.
    expect(
      (await a.send(id, { type: 'moderation.accept', at: at(1), by: users.moderator })).ok,
    ).toBe(true);
    // b moves it on: assigned (version 3).
    const assign = {
      type: 'executor.assign',
      at: at(2),
      by: users.coordinatorRoads,
      executorId: users.executorRoads.id,
    };
    expect((await b.send(id, assign)).ok).toBe(true);

    // On a's memory (coordination) work.take would be refused; the database says assigned.
    const taken = await a.send(id, { type: 'work.take', at: at(3), by: users.executorRoads });
    expect(taken.ok, JSON.stringify(taken)).toBe(true);
    expect(taken.ok && taken.message.version).toBe(4);

    // b's memory is version 3 now: its write finds version 4 and is applied on it.
    const answer = {
      type: 'answer.submit',
      at: at(4),
      by: users.executorRoads,
      answer: { type: 'resolved', text: 'Яма заделана' },
    };
    const answered = await b.send(id, answer);
    expect(answered.ok && answered.message.version).toBe(5);

    // A caller naming the version it saw: a's memory (4) is stale against 5, so it reads.
    const approved = await a.send(
      id,
      { type: 'answer.approve', at: at(5), by: users.headRoads },
      { expectedVersion: 5 },
    );
    expect(approved.ok && approved.message.version).toBe(6);
    // b remembers 5; a caller naming 5 again gets the conflict the database confirms.
    const stale = await b.send(
      id,
      { type: 'rating.submit', at: at(6), by: users.applicant, score: 5 },
      { expectedVersion: 5 },
    );
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.error).toMatchObject({
      kind: 'version_conflict',
      expected: 5,
      actual: 6,
    });

    const history = await (a as MessageStore).history(id);
    expect(history.map((h) => [h.version, h.type])).toEqual([
      [1, 'submit'],
      [2, 'moderation.accept'],
      [3, 'executor.assign'],
      [4, 'work.take'],
      [5, 'answer.submit'],
      [6, 'answer.approve'],
    ]);
    const stored = await b.get(id);
    expect(stored?.status).toBe('answer_sent');
    expect(stored?.snapshot.context.executorId).toBe(users.executorRoads.id);
  });
});
