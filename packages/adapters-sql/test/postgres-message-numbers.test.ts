import type { StoreWriteResult, SubmitEventInput } from '@reshaem/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { directory, operatorSubmit, potholeSubmit } from '../../core/test/helpers.js';
import { createSqlStore, migrate, type SqlStore } from '../src/index.js';
import { databaseUrl, testSchema, truncateStore } from './databases.js';

const KAMCHATKA_SUBMITS = 30;
const ULYANOVSK_SUBMITS = 10;
const DUPLICATES = 6;

function unnumbered(event: SubmitEventInput): Omit<SubmitEventInput, 'number'> {
  const { number: _number, ...rest } = event;
  return rest;
}

const seqs = (results: StoreWriteResult[], region: string) =>
  results
    .flatMap((r) => (r.ok ? [r.message.snapshot.context.number] : []))
    .filter((n) => n.startsWith(`${region}-`))
    .map((n) => Number(n.split('-')[2]))
    .sort((a, b) => a - b);

describe.skipIf(!databaseUrl)('PostgreSQL: message numbers under concurrent submits', () => {
  let schema: Awaited<ReturnType<typeof testSchema>>;
  /** Three "processes", each with its own pool. */
  let stores: SqlStore[];
  beforeAll(async () => {
    schema = await testSchema('numbers');
    await migrate(schema.connect(1));
    stores = await Promise.all(
      [0, 1, 2].map(() => createSqlStore({ db: schema.connect(8), directory })),
    );
  });
  beforeEach(() => truncateStore(stores[0]!.db));
  afterAll(() => schema?.drop());

  it('hand out distinct numbers without gaps, per region, to submits racing on many connections', async () => {
    const store = (i: number) => stores[i % stores.length]!;
    const submits = [
      ...Array.from({ length: KAMCHATKA_SUBMITS }, (_, i) =>
        store(i).submit(unnumbered(potholeSubmit({ messageId: `k-${i}` }))),
      ),
      ...Array.from({ length: ULYANOVSK_SUBMITS }, (_, i) =>
        store(i + 1).submit(unnumbered(operatorSubmit({ messageId: `u-${i}` }))),
      ),
      // The same ids again: refused as already_exists, after or while the first one writes.
      ...Array.from({ length: DUPLICATES }, (_, i) =>
        store(i + 2).submit(unnumbered(potholeSubmit({ messageId: `k-${i}` }))),
      ),
    ];
    const results = await Promise.all(submits);
    const refused = results.filter((r) => !r.ok);
    expect(refused.map((r) => (r.ok ? '' : r.error.kind))).toEqual(
      Array(DUPLICATES).fill('already_exists'),
    );
    const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    // Every number once, and the refused duplicates took none (their rollback gave it back).
    expect(seqs(results, '41')).toEqual(range(KAMCHATKA_SUBMITS));
    expect(seqs(results, '73')).toEqual(range(ULYANOVSK_SUBMITS));
    const stored = await stores[0]!.db
      .selectFrom('messages')
      .select(['number'])
      .where('region_code', '=', '41')
      .execute();
    expect(new Set(stored.map((r) => r.number)).size).toBe(KAMCHATKA_SUBMITS);
  });

  it('replay the first number to a key retried on another connection at the same time', async () => {
    const event = unnumbered(potholeSubmit({ messageId: 'k-replay' }));
    const results = await Promise.all(
      stores.map((s) => s.submit(event, { idempotencyKey: 'retry-1' })),
    );
    const numbers = results.map((r) => (r.ok ? r.message.snapshot.context.number : r.error.kind));
    expect(new Set(numbers)).toEqual(new Set(['41-250115-0001']));
    expect(results.filter((r) => r.ok && r.replayed)).toHaveLength(stores.length - 1);
  });
});
