import { createMemoryStore, type IndicatorGroupBy, type MessageStore } from '@reshaem/core';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directory, users } from '../../core/test/helpers.js';
import { livesArbitrary, type PlayedLife } from '../../core/test/store-contract/indicator-walks.js';
import { createSqlStore, type ReshaemDatabase, type SqlStore } from '../src/index.js';
import { migratedPglite, truncateStore } from './databases.js';

const groupBys: IndicatorGroupBy[] = [
  'org',
  'region',
  'category',
  'channel',
  'day',
  'week',
  'month',
];
const system = { id: 'system', roles: [{ role: 'system' as const }] };
const viewers = [system, users.curatorGov, users.headRoads, users.headUlyRoads];

async function replay(store: MessageStore, lives: readonly PlayedLife[]) {
  for (const { events } of lives) {
    const [submit, ...rest] = events;
    if (!submit) continue;
    const created = await store.submit(submit);
    if (!created.ok) throw new Error(`submit refused: ${created.error.message}`);
    for (const event of rest) {
      const result = await store.send(created.message.id, event);
      if (!result.ok) throw new Error(`${event.type} refused: ${result.error.message}`);
    }
  }
}

/**
 * The memory store (facts from each message's history) is the oracle of the SQL store (facts
 * kept row by row by every write, summed by one GROUP BY): random lives, played through the
 * workflow, sent to both, must give the same indicators for every grouping, viewer and instant.
 */
describe('indicators: PGlite agrees with the memory store on random lives', () => {
  let db: Kysely<ReshaemDatabase>;
  let sqlStore: SqlStore;
  beforeAll(async () => {
    db = await migratedPglite();
    sqlStore = await createSqlStore({ db, directory });
  }, 60_000);
  afterAll(async () => {
    await sqlStore?.close();
    await db?.destroy();
  });

  it('gives identical rows and totals', async () => {
    let compared = 0;
    const seen = {
      answered: 0,
      late: 0,
      rated: 0,
      reReviewed: 0,
      delivered: 0,
      extended: 0,
      overdue: 0,
    };
    await fc.assert(
      fc.asyncProperty(
        livesArbitrary(directory),
        fc.integer({ min: 0, max: 120 * 24 }),
        async (lives, nowHours) => {
          await truncateStore(db);
          const memory = createMemoryStore({ directory });
          await replay(memory, lives);
          await replay(sqlStore, lives);
          const now = new Date(Date.parse('2025-01-01T00:00:00Z') + nowHours * 3_600_000);
          for (const viewer of viewers) {
            for (const groupBy of groupBys) {
              const query = {
                from: '2024-12-31',
                to: '2025-06-30',
                groupBy,
                now: now.toISOString(),
              };
              const expected = await memory.indicators(query, viewer);
              expect(await sqlStore.indicators(query, viewer)).toEqual(expected);
              compared += expected.rows.length;
              if (groupBy === 'org' && viewer === system) {
                const t = expected.totals;
                seen.answered += t.answered;
                seen.late += t.answeredLate;
                seen.rated += t.rated;
                seen.reReviewed += t.reReviewed;
                seen.delivered += t.operatorDelivered;
                seen.extended += t.extensionsGranted;
                seen.overdue += t.overdueNow;
              }
            }
          }
        },
      ),
      { numRuns: 25 },
    );
    // The lives reach far enough for the comparison to mean something.
    expect(compared).toBeGreaterThan(100);
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
  }, 240_000);
});
