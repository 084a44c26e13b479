import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryPrepared } from '../src/pglite-prepared.js';
import { HOT } from '../src/prepared-pool.js';

describe('hot statements on PGlite, prepared', () => {
  const pglite = new PGlite();
  const prepared = async () =>
    (await pglite.query<{ name: string }>('SELECT name FROM pg_prepared_statements')).rows.map(
      (r) => r.name,
    );
  beforeAll(() => pglite.exec('CREATE TABLE keyed (id text PRIMARY KEY, n integer)'));
  afterAll(() => pglite.close());

  it('reads every kind of parameter, and parses rows, as pglite.query does', async () => {
    const text = `SELECT $1::text AS s, $2::integer AS i, $3::boolean AS b, $4::text[] AS a,
      $5::jsonb AS j, $6::timestamptz AS t, $7::text AS n, $8::bigint AS big`;
    const values = [
      'a "quoted" \\ back',
      42,
      false,
      ['x', 'y "z" \\', null, 'NULL'],
      { k: [1, 'two'], s: 'ё' },
      new Date('2025-01-15T09:00:00.000Z'),
      null,
      9007199254740991,
    ];
    const hot = await queryPrepared(pglite, `${HOT}${text}`, values);
    const plain = await pglite.query(text, values);
    expect(hot.rows).toEqual(plain.rows);
    expect(hot.rows[0]).toMatchObject({ a: ['x', 'y "z" \\', null, 'NULL'], i: 42, b: false });
  });

  it('prepares a statement once and runs it again without parsing it', async () => {
    const text = `${HOT}SELECT $1::integer + 1 AS next`;
    const before = (await prepared()).length;
    expect((await queryPrepared(pglite, text, [1])).rows).toEqual([{ next: 2 }]);
    expect((await queryPrepared(pglite, text, [2])).rows).toEqual([{ next: 3 }]);
    expect(await prepared()).toHaveLength(before + 1);
  });

  it('throws a database error with its code and constraint, and the statement stays usable', async () => {
    const insert = `${HOT}INSERT INTO keyed (id, n) VALUES ($1, $2) RETURNING n`;
    await pglite.query(`INSERT INTO keyed VALUES ('taken', 0)`);
    // The first run parses the statement and then fails: the next one must not parse it again.
    const refused = await queryPrepared(pglite, insert, ['taken', 1]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: '23505', constraint: 'keyed_pkey' });
    // Described as pglite.query describes its errors.
    const plain = (await pglite.query(insert, ['taken', 1]).then(
      () => ({}),
      (e: unknown) => e,
    )) as { query?: string; params?: unknown[] };
    expect(refused).toMatchObject({ query: plain.query, params: plain.params });
    const written = await queryPrepared(pglite, insert, ['free', 2]);
    expect(written).toMatchObject({ rowCount: 1, rows: [{ n: 2 }] });
  });

  it('prepares a statement again after DEALLOCATE ALL', async () => {
    const text = `${HOT}SELECT $1::text AS again`;
    expect((await queryPrepared(pglite, text, ['a'])).rows).toEqual([{ again: 'a' }]);
    await pglite.exec('DEALLOCATE ALL');
    expect((await queryPrepared(pglite, text, ['b'])).rows).toEqual([{ again: 'b' }]);
    expect(await prepared()).toHaveLength(1);
  });

  it('throws a statement that does not parse, each time, and prepares nothing', async () => {
    const before = await prepared();
    const bad = `${HOT}SELEC 1`;
    for (const _ of [1, 2]) {
      await expect(queryPrepared(pglite, bad, [])).rejects.toMatchObject({ code: '42601' });
    }
    expect(await prepared()).toEqual(before);
  });
});
