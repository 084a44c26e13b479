import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../core/test/helpers.js';
import { databaseUrl } from './databases.js';
import { copies, plannedStore } from './plan-reads.js';

const NOISE = 30_000;
/** A walk over flagged rows a tenth of which match: ~550 for a page; the region holds 3,000. */
const FLAG_WALK_READS = 2_000;

/**
 * Closed copies of a fixture message, newer than the fixture's and with earlier deadlines: a
 * tenth received in Kamchatka (its moderator's scope), the rest elsewhere. Overdue and
 * fast-track: a tenth of the messages elsewhere (`g % 10 = 4`) and a tenth of Kamchatka's
 * (`g % 100 = 1`), so that a tenth of the flagged messages are in the scope, one in a hundred
 * of the messages overall.
 */
const insertNoise = (from: string) =>
  copies(
    from,
    NOISE,
    sql`'noise-' || g, m.version, m.status, 'processed', 'N-' || g,
    CASE WHEN g % 10 = 1 THEN 'kam-roads' ELSE 'uly-roads' END,
    CASE WHEN g % 10 = 1 THEN 'kam-roads' ELSE 'uly-roads' END,
    NULL, m.applicant_user_id, 'mobile_app', m.category_id, m.subcategory_id, m.fact_id,
    m.region_code, g % 10 = 4 OR g % 100 = 1, g % 10 = 4 OR g % 100 = 1,
    now() + g * interval '1 second', now() + g * interval '1 second', m.registered_at,
    '2000-01-01'::timestamptz, m.search_text, m.snapshot, false, '2000-01-01'::timestamptz,
    m.definition_version, NULL, false, false, m.law_type, m.applicant_search, NULL, NULL, false`,
  );

/**
 * A flag that a tenth of the messages carry, in a region holding a tenth of the messages: a
 * walk along all messages meets a match in a hundred entries, along the flagged ones in ten.
 * The lists must take the second walk (what it reads follows the matches' density, so it is
 * the same at any size), not the first and not the whole region.
 */
describe.skipIf(!databaseUrl)('flag lists walk the flagged messages on PostgreSQL', () => {
  let world: Awaited<ReturnType<typeof plannedStore>>;
  /** Kamchatka's flagged copies, in id order. */
  const kamFlagged = Array.from({ length: NOISE / 100 }, (_, i) => `noise-${100 * i + 1}`).sort();

  beforeAll(async () => {
    world = await plannedStore('flag_walks', insertNoise('m-05'));
  }, 60_000);
  afterAll(() => world?.drop());

  it('fast-track, newest first', async () => {
    const { page, reads } = await world.pageReads(() =>
      world.store.list(users.moderator, { fastTrack: true }),
    );
    const newest = [...kamFlagged].sort((a, b) => Number(b.slice(6)) - Number(a.slice(6)));
    expect(page.items.map((m) => m.id)).toEqual(newest.slice(0, 50));
    expect(reads).toBeLessThan(FLAG_WALK_READS);
  });

  it('overdue, by deadline', async () => {
    const { page, reads } = await world.pageReads(() =>
      world.store.list(users.moderator, { overdue: true, sort: 'responseDueAt', direction: 'asc' }),
    );
    expect(page.items.map((m) => m.id)).toEqual(kamFlagged.slice(0, 50));
    expect(reads).toBeLessThan(FLAG_WALK_READS);
  });
});
