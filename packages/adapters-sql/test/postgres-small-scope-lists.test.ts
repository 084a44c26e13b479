import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../core/test/helpers.js';
import { SMALL_SCOPE_AT_MOST } from '../src/store/pos/list-narrowing.js';
import { databaseUrl } from './databases.js';
import { copies, plannedStore } from './plan-reads.js';

const NOISE = 30_000;
/** Ulyanovsk's roads hold a fifth of the noise: 6,000 messages and the fixture's few. */
const SCOPE = NOISE / 5;

/**
 * Copies of a fixture message. By `g % 10`: 0 and 1 held by Ulyanovsk's roads (its
 * coordinator's scope), 0 closed, registered and created long ago, 1 live and the newest; the
 * rest held in Kamchatka, live, newest too, and registered before any of the scope's. As a
 * ministry's at scale: the scope is a share the planner expects a walk to meet soon, yet its
 * closed messages are under everyone's newest and its registrations after everyone's.
 */
const insertNoise = (from: string) =>
  copies(
    from,
    NOISE,
    sql`'noise-' || g, m.version, CASE WHEN g % 10 = 0 THEN 'completed' ELSE 'in_work' END,
    CASE WHEN g % 10 = 0 THEN 'processed' ELSE 'in_work' END, 'N-' || g,
    CASE WHEN g % 10 IN (0, 1) THEN 'uly-roads' ELSE 'kam-roads' END,
    CASE WHEN g % 10 IN (0, 1) THEN 'uly-roads' ELSE 'kam-roads' END,
    NULL, m.applicant_user_id, 'mobile_app', m.category_id, m.subcategory_id, m.fact_id,
    m.region_code, false, false,
    CASE WHEN g % 10 = 0 THEN '2001-01-01'::timestamptz ELSE now() END + g * interval '1 second',
    now() + g * interval '1 second',
    CASE WHEN g % 10 IN (0, 1) THEN '2010-01-01'::timestamptz ELSE '2000-01-01'::timestamptz END
      + g * interval '1 second',
    NULL, m.search_text, m.snapshot, false, 'infinity'::timestamptz,
    m.definition_version, NULL, false, false, m.law_type, m.applicant_search, NULL, NULL, false`,
  );

/**
 * A small scope's lists read the scope, not a sort index through everyone else's messages:
 * its closed messages under the newest live ones, its registrations after everyone's. The
 * folder counts (kept by the store's writes, recounted here after the raw noise) say how
 * small the scope is.
 */
describe.skipIf(!databaseUrl)('small scopes are read whole on PostgreSQL', () => {
  let world: Awaited<ReturnType<typeof plannedStore>>;

  beforeAll(async () => {
    world = await plannedStore('small_scope_lists', insertNoise('m-05'));
    await sql`DELETE FROM folder_counts`.execute(world.db);
    await sql`INSERT INTO folder_counts (holding_org_id, received_org_id, operator_entered, folder, n)
      SELECT holding_org_id, received_org_id, channel = 'operator', folder, count(*)
      FROM messages GROUP BY 1, 2, 3, 4`.execute(world.db);
  }, 60_000);
  afterAll(() => world?.drop());

  const coordinator = users.coordinatorUlyRoads;

  /** The scope's ids in the list's order, straight from the table. */
  async function expected(order: string, where = sql`TRUE`, limit = 10): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`SELECT id FROM messages
      WHERE holding_org_id = 'uly-roads' AND ${where}
      ORDER BY ${sql.raw(order)} LIMIT ${limit}`.execute(world.db);
    return rows.map((r) => r.id);
  }

  it('«Обработанные» reads the closed messages, not the newest live ones', async () => {
    const { page, reads } = await world.pageReads(() =>
      world.store.list(coordinator, { folder: 'processed', limit: 10 }),
    );
    expect(page.items.map((m) => m.id)).toEqual(
      await expected('created_at DESC, id DESC', sql`folder = 'processed'`),
    );
    expect(reads).toBeLessThan(SCOPE + 100);
  });

  it('«registered, oldest first» reads the scope, not everyone registered before it', async () => {
    const { page, reads } = await world.pageReads(() =>
      world.store.list(coordinator, { sort: 'registeredAt', direction: 'asc', limit: 20 }),
    );
    expect(page.items.map((m) => m.id)).toEqual(
      await expected('registered_at ASC NULLS FIRST, id ASC', sql`TRUE`, 20),
    );
    expect(reads).toBeLessThan(SCOPE + 100);
  });

  it('the scope is small by the folder counts', async () => {
    const { rows } = await sql<{ n: number }>`SELECT sum(n)::integer AS n FROM folder_counts
      WHERE holding_org_id = 'uly-roads'`.execute(world.db);
    expect(rows[0]?.n).toBeGreaterThan(SCOPE);
    expect(rows[0]?.n).toBeLessThan(SMALL_SCOPE_AT_MOST);
  });
});
