import { type Principal, viewScopeOf } from '@reshaem/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directory, users } from '../../core/test/helpers.js';
import { readsSmallScope, smallScopeLimit } from '../src/store/pos/list-narrowing.js';
import { databaseUrl } from './databases.js';
import { copies, plannedStore } from './plan-reads.js';

const NOISE = 30_000;
/** Ulyanovsk's roads hold a fiftieth of the noise: 600 messages and the fixture's few. */
const SCOPE = NOISE / 50;

/**
 * Copies of a fixture message. By `g % 100`: 0 and 1 held by Ulyanovsk's roads (its
 * coordinator's scope), 0 closed, registered and created long ago, 1 live and the newest; the
 * rest held by Kamchatka's roads, 2 closed long ago as well, the others live, the newest too,
 * and registered before any of the scope's. As a ministry's at scale: the scope's closed
 * messages are under everyone's newest and its registrations after everyone's.
 */
const insertNoise = (from: string) =>
  copies(
    from,
    NOISE,
    sql`'noise-' || g, m.version, CASE WHEN g % 100 IN (0, 2) THEN 'completed' ELSE 'in_work' END,
    CASE WHEN g % 100 IN (0, 2) THEN 'processed' ELSE 'in_work' END, 'N-' || g,
    CASE WHEN g % 100 IN (0, 1) THEN 'uly-roads' ELSE 'kam-roads' END,
    CASE WHEN g % 100 IN (0, 1) THEN 'uly-roads' ELSE 'kam-roads' END,
    NULL, m.applicant_user_id, 'mobile_app', m.category_id, m.subcategory_id, m.fact_id,
    m.region_code, false, false,
    CASE WHEN g % 100 IN (0, 2) THEN '2001-01-01'::timestamptz ELSE now() END + g * interval '1 second',
    now() + g * interval '1 second',
    CASE WHEN g % 100 IN (0, 1) THEN '2010-01-01'::timestamptz ELSE '2000-01-01'::timestamptz END
      + g * interval '1 second',
    NULL, m.search_text, m.snapshot, false, 'infinity'::timestamptz,
    m.definition_version, NULL, false, false, m.law_type, m.applicant_search, NULL, NULL, false`,
  );

/**
 * A small scope's lists read the scope, not a sort index through everyone else's messages:
 * its closed messages under the newest live ones, its registrations after everyone's. The
 * folder counts (recounted after the noise) say how small the scope is.
 */
describe.skipIf(!databaseUrl)('small scopes are read whole on PostgreSQL', () => {
  let world: Awaited<ReturnType<typeof plannedStore>>;

  beforeAll(async () => {
    world = await plannedStore('small_scope_lists', insertNoise('m-05'));
  }, 60_000);
  afterAll(() => world?.drop());

  const coordinator = users.coordinatorUlyRoads;

  /** The scope's ids in the list's order, straight from the table. */
  async function expected(order: string, where = sql`TRUE`, limit = 50): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`SELECT id FROM messages
      WHERE holding_org_id = 'uly-roads' AND ${where}
      ORDER BY ${sql.raw(order)} LIMIT ${limit}`.execute(world.db);
    return rows.map((r) => r.id);
  }

  it('«Обработанные» of a small scope reads the scope', async () => {
    const { page, reads } = await world.pageReads(() =>
      world.store.list(coordinator, { folder: 'processed' }),
    );
    expect(page.items.map((m) => m.id)).toEqual(
      await expected('created_at DESC, id DESC', sql`folder = 'processed'`),
    );
    expect(reads).toBeLessThan(SCOPE + 100);
  });

  it('«registered, oldest first» reads the scope, not everyone registered before it', async () => {
    const { page, reads } = await world.pageReads(() =>
      world.store.list(coordinator, { sort: 'registeredAt', direction: 'asc' }),
    );
    expect(page.items.map((m) => m.id)).toEqual(
      await expected('registered_at ASC NULLS FIRST, id ASC'),
    );
    expect(reads).toBeLessThan(SCOPE + 100);
  });

  it('the scope is small by the folder counts: under √(page × all messages)', async () => {
    const { rows } = await sql<{ scope: number; all: number }>`SELECT
      (SELECT sum(n)::integer FROM folder_counts WHERE holding_org_id = 'uly-roads') AS scope,
      (SELECT sum(n)::integer FROM folder_rollups WHERE scope = 'all') AS all`.execute(world.db);
    const { scope, all } = rows[0] ?? { scope: 0, all: 0 };
    expect(scope).toBeGreaterThan(SCOPE);
    expect(all).toBeGreaterThan(NOISE);
    expect(scope).toBeLessThan(smallScopeLimit(51, all));
  });

  it("a large scope's «Обработанные» walks the closed messages alone", async () => {
    const { page, reads } = await world.pageReads(() =>
      world.store.list(users.coordinatorRoads, { folder: 'processed' }),
    );
    const { rows } = await sql<{ id: string }>`SELECT id FROM messages
      WHERE holding_org_id = 'kam-roads' AND folder = 'processed'
      ORDER BY created_at DESC, id DESC LIMIT 50`.execute(world.db);
    expect(page.items.map((m) => m.id)).toEqual(rows.map((r) => r.id));
    expect(reads).toBeLessThan(1_000);
  });

  it('only a small scope on one side is read whole; a large or a personal one walks', async () => {
    const reads = (who: Principal) =>
      readsSmallScope(world.db, directory, who, viewScopeOf(who, directory), 51);
    expect(await reads(coordinator)).toBe(true);
    // Kamchatka's roads hold 29,400 messages: over √(51 × 30,000) ≈ 1,237.
    expect(await reads(users.coordinatorRoads)).toBe(false);
    expect(await reads(users.executorUlyRoads)).toBe(false);
  });
});
