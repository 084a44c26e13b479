import {
  createMemoryStore,
  type MessageQueryInput,
  type MessageStore,
  type Principal,
} from '@reshaem/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../core/test/helpers.js';
import { writeFixture } from '../../core/test/store-contract/fixture.js';
import { storeOptions } from '../../core/test/store-contract/setup.js';
import { databaseUrl } from './databases.js';
import { copies, plannedStore } from './plan-reads.js';

/** Generated messages beside the fixture, in the groups of `insertNoise`. */
const NOISE = 30_000;
/** Index entries and rows a page may read: the rows it shows and the page query's join. */
const PAGE_READS = 60;
/**
 * Without the visibility map the planner costs a narrow partial index like a walk of the
 * table and may read a queue through two indexes at once (a `BitmapAnd` of the scope's
 * entries and the country's queue): a list then reads up to the scope's and the queue's
 * rows (3,000 each in the noise), but never walks a sort index through the closed messages.
 */
const HELD_READS = (2 * NOISE) / 10 + PAGE_READS;
/** The indexes that walk every message in sort order. */
const WALKS = [
  'messages_created',
  'messages_updated',
  'messages_registered',
  'messages_response_due',
  'messages_operator',
  'messages_active',
];

/**
 * Copies of a fixture message, newer than the fixture's and with earlier deadlines, so that a
 * walk along a sort index meets them before any fixture row. By `g % 10`: 0, closed and
 * phoned in (the operator's scope); 1, closed and received in Kamchatka (its moderator's
 * scope and its coordinators'); 2 and 3, in neither scope, live, overdue and in the
 * «Просрочено» queue, or in «Скоро срок» with an extension request; 4 and 5, closed elsewhere
 * and fast-track; the rest closed elsewhere. As at scale, each scope
 * is a small share and the narrow filters are common outside it while the scopes hold none
 * of them: the planner expects a walk along a sort index to meet matches soon, and only an
 * index on the narrow rows keeps the list from reading the whole scope.
 */
const insertNoise = (from: string) =>
  copies(
    from,
    NOISE,
    sql`'noise-' || g, m.version, CASE WHEN g % 10 IN (2, 3) THEN 'in_work' ELSE m.status END,
    CASE WHEN g % 10 IN (2, 3) THEN 'in_work' ELSE 'processed' END, 'N-' || g,
    CASE WHEN g % 10 = 1 THEN 'kam-roads' ELSE 'uly-roads' END,
    CASE WHEN g % 10 = 1 THEN 'kam-roads' ELSE 'uly-roads' END,
    NULL, m.applicant_user_id, CASE WHEN g % 10 = 0 THEN 'operator' ELSE 'mobile_app' END,
    m.category_id, m.subcategory_id, m.fact_id, m.region_code, g % 10 IN (4, 5), g % 10 = 2,
    now() + g * interval '1 second', now() + g * interval '1 second', m.registered_at,
    '2000-01-01'::timestamptz, m.search_text, m.snapshot, false, '2000-01-01'::timestamptz,
    m.definition_version, CASE g % 10 WHEN 2 THEN 'overdue' WHEN 3 THEN 'due_soon' END, false,
    g % 10 = 3, m.law_type, m.applicant_search, NULL, NULL, false`,
  );

/**
 * The lists that match fewer than a page in a wide scope (the operator sees every phoned-in
 * message, a region's moderator every message received in the region): each must find its
 * rows without walking past the messages that do not match, and find what the memory store
 * finds — also while another connection holds a `REPEATABLE READ` snapshot older than the
 * rows, so that VACUUM marks no page all-visible and index-only scans look no cheaper to the
 * planner than walks (what an open transaction elsewhere did in CI).
 */
describe.skipIf(!databaseUrl).each([
  ['narrow lists in wide scopes on PostgreSQL', false],
  ['narrow lists in wide scopes on PostgreSQL, a snapshot held open elsewhere', true],
])('%s', (_title, heldSnapshot) => {
  let world: Awaited<ReturnType<typeof plannedStore>>;
  let memory: MessageStore;

  beforeAll(async () => {
    world = await plannedStore('narrow_lists', insertNoise('m-05'), { heldSnapshot });
    memory = createMemoryStore(storeOptions());
    await writeFixture(memory);
  }, 60_000);
  afterAll(() => world?.drop());

  it(
    heldSnapshot ? 'VACUUM marked no page all-visible' : 'VACUUM marked the pages all-visible',
    async () => {
      const share = await world.allVisibleShare();
      if (heldSnapshot) expect(share).toBeLessThan(0.05);
      else expect(share).toBeGreaterThan(0.9);
    },
  );

  /** Lists through the store, and counts what the page query reads under EXPLAIN ANALYZE. */
  const listed = (viewer: Principal, query: MessageQueryInput) =>
    world.pageReads(() => world.store.list(viewer, query));

  const cases: Array<[string, Principal, MessageQueryInput]> = [
    [
      'operator: overdue, by deadline',
      users.operator,
      { overdue: true, sort: 'responseDueAt', direction: 'asc' },
    ],
    ['operator: «В работе» by update', users.operator, { folder: 'in_work', sort: 'updatedAt' }],
    ['operator: «Просрочено»', users.operator, { queue: 'overdue' }],
    ['operator: «Скоро срок»', users.operator, { queue: 'due_soon' }],
    ['region moderator: «Просрочено»', users.moderator, { queue: 'overdue' }],
    ['region moderator: «Скоро срок»', users.moderator, { queue: 'due_soon' }],
    ['region moderator: extension requests', users.moderator, { queue: 'extension_requests' }],
    ['operator: fast-track', users.operator, { fastTrack: true }],
    [
      'region coordinator: «В работе» by update',
      users.coordinatorGov,
      { folder: 'in_work', sort: 'updatedAt' },
    ],
    [
      'region coordinator: assigned or in work',
      users.coordinatorGov,
      { statuses: ['executor_assigned', 'in_work'] },
    ],
  ];

  it.each(cases)('%s reads a page, not the scope', async (_label, viewer, query) => {
    const expected = await memory.list(viewer, query);
    const { page, reads, indexes } = await listed(viewer, query);
    expect(page.items.map((m) => m.id)).toEqual(expected.items.map((m) => m.id));
    if (!heldSnapshot) expect(reads).toBeLessThan(PAGE_READS);
    else {
      expect(indexes.filter((name) => WALKS.includes(name))).toEqual([]);
      expect(reads).toBeLessThan(HELD_READS);
    }
  });

  it('the noise is in those scopes: the same viewers page through it', async () => {
    const operator = await listed(users.operator, { folder: 'processed', limit: 10 });
    expect(operator.reads).toBeGreaterThan(10);
    expect(operator.page.items.map((m) => m.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `noise-${NOISE - 10 * i}`),
    );
    const moderator = await listed(users.moderator, { folder: 'processed', limit: 10 });
    expect(moderator.page.items.map((m) => m.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `noise-${NOISE - 9 - 10 * i}`),
    );
  });
});
