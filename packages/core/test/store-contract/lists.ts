import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareForQuery,
  deadlineStateOf,
  type FolderCounts,
  folderLabels,
  folderOf,
  inQueue,
  isVisible,
  type MessageQueryInput,
  type MessageStore,
  matchesQuery,
  type Principal,
  parseQuery,
  type Queue,
  type QueueCounts,
  queryViewerOf,
  queueLabels,
  type StoredMessage,
  SYSTEM_PRINCIPAL,
  viewScopeOf,
  WorkflowRefusal,
} from '../../src/index.js';
import { at, directory, users } from '../helpers.js';
import { writeFixture } from './fixture.js';
import { type MakeStore, storeOptions } from './setup.js';

const listed = (m: StoredMessage) => ({
  id: m.id,
  status: m.status,
  message: m.snapshot.context,
  deadline: deadlineStateOf(m.snapshot),
});

/** What a list must return: the core's own filter, scope and order over the fixture. */
export function expectedIds(all: StoredMessage[], viewer: Principal, input: MessageQueryInput) {
  const query = parseQuery(input);
  const scope = viewScopeOf(viewer, directory);
  return all
    .map(listed)
    .filter(
      (m) => isVisible(scope, m.message, m.status) && matchesQuery(m, query, queryViewerOf(viewer)),
    )
    .sort((a, b) => compareForQuery(a, b, query))
    .map((m) => m.id);
}

/** Walks every page and checks each is full but the last. */
async function allPages(store: MessageStore, viewer: Principal, input: MessageQueryInput) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await store.list(viewer, { ...input, ...(cursor ? { cursor } : {}) });
    ids.push(...result.items.map((m) => m.id));
    if (result.nextCursor === null) return ids;
    expect(result.items).toHaveLength(input.limit ?? 50);
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

const filters: Array<[string, MessageQueryInput]> = [
  ['no filter', {}],
  ...Object.keys(folderLabels).map((f): [string, MessageQueryInput] => [
    `folder ${f}`,
    { folder: f as keyof typeof folderLabels },
  ]),
  ['statuses', { statuses: ['coordination', 'in_work', 'answer_ready'] }],
  ['holding organisations', { orgIds: ['kam-roads', 'kam-gov'] }],
  ['executors', { executorIds: [users.executorRoads.id, users.executorUlyRoads.id] }],
  ['categories', { categoryIds: ['education', 'health'] }],
  ['subcategories', { subcategoryIds: ['road-repair'] }],
  ['facts', { factIds: ['pothole-yard', 'pothole-street'] }],
  ['source: site', { source: 'site' }],
  ['source: ЕПГУ', { source: 'epgu' }],
  ['source: телефон 112', { source: 'phone_112' }],
  ['59-ФЗ', { appeal59fz: true }],
  ['not 59-ФЗ', { appeal59fz: false }],
  ['ids', { ids: ['m-02', 'm-09', 'm-16', 'no-such'] }],
  ...Object.keys(queueLabels).map((q): [string, MessageQueryInput] => [
    `queue ${q}`,
    { queue: q as Queue },
  ]),
  ["text: the applicant's name", { text: 'кузнецов' }],
  ['channels', { channels: ['operator', 'mobile_app'] }],
  ['fast-track', { fastTrack: true }],
  ['not fast-track', { fastTrack: false }],
  ['overdue', { overdue: true }],
  ['not overdue', { overdue: false }],
  ['public', { isPublic: true }],
  ['not public', { isPublic: false }],
  ['delegated by autorule', { delegatedByAutorule: true }],
  ['not delegated by autorule', { delegatedByAutorule: false }],
  [
    'response deadline range',
    { responseDueFrom: '2025-01-20T00:00:00.000Z', responseDueTo: '2025-01-31T00:00:00.000Z' },
  ],
  ['response deadline from', { responseDueFrom: '2025-02-01T00:00:00.000Z' }],
  ['text, any case', { text: 'яма' }],
  ['text, upper case', { text: 'ЯМА' }],
  ['text: number', { text: '000012' }],
  ['text: % is no wildcard', { text: '100%' }],
  ['text: _ is no wildcard', { text: '_частично_' }],
  ['text: nothing', { text: 'д_м' }],
  ['creation range, inclusive', { createdFrom: at(20), createdTo: at(80) }],
  ['creation from', { createdFrom: at(95) }],
  ['bbox: Петропавловск-Камчатский', { bbox: '158.5,52.9,158.8,53.1' }],
  [
    'bbox: Камчатский край as an object',
    { bbox: { minLon: 155, minLat: 50, maxLon: 175, maxLat: 65 } },
  ],
  ['bbox: an edge counts', { bbox: '158.65,53.05,158.7,53.06' }],
  ['bbox: nowhere', { bbox: '0,0,1,1' }],
  [
    'filters combine',
    {
      orgIds: ['kam-roads'],
      statuses: ['moderation', 'coordination', 'on_approval'],
      fastTrack: true,
    },
  ],
];

/** Rows whose result on this fixture is all or nothing by design, or checked elsewhere. */
const meantToKeepAll = ['no filter'];
const meantToKeepNone = ['text: nothing', 'bbox: nowhere'];
/**
 * Empty here, and kept elsewhere: a re-review is in rated-lists.ts's fixture; the system
 * principal has no queue of its own, so 'list each queue' below checks them per viewer.
 */
const keptElsewhere = [
  'folder returned',
  'queue assigned_new',
  'queue assigned_in_work',
  'queue assigned_returned',
];

const sorts = ['createdAt', 'updatedAt', 'registeredAt', 'responseDueAt'] as const;
const viewers: Array<[string, Principal]> = [
  ['system', SYSTEM_PRINCIPAL],
  ...Object.entries(users),
];

export function describeLists(makeStore: MakeStore) {
  describe('lists and folder counts', () => {
    let store: MessageStore;
    let all: StoredMessage[];
    beforeAll(async () => {
      store = await makeStore(storeOptions());
      all = await writeFixture(store);
    });
    afterAll(() => store?.close());

    it('list what get returns', async () => {
      const page = await store.list(SYSTEM_PRINCIPAL, { limit: 200 });
      expect(page.items).toHaveLength(all.length);
      for (const item of page.items) expect(item).toEqual(await store.get(item.id));
      expect(page.nextCursor).toBeNull();
    });

    it.each(filters)('each row can fail: %s', (name, query) => {
      const expected = expectedIds(all, SYSTEM_PRINCIPAL, query);
      if (meantToKeepAll.includes(name)) expect(expected).toHaveLength(all.length);
      else if (meantToKeepNone.includes(name)) expect(expected).toEqual([]);
      else if (keptElsewhere.includes(name)) expect(expected).toEqual([]);
      else {
        expect(expected.length, 'the fixture has no message this row keeps').toBeGreaterThan(0);
        expect(expected.length, 'the fixture has no message this row drops').toBeLessThan(
          all.length,
        );
      }
    });

    it.each(filters)('filter: %s', async (_, query) => {
      const got = await store.list(SYSTEM_PRINCIPAL, { ...query, limit: 200 });
      expect(got.items.map((m) => m.id)).toEqual(expectedIds(all, SYSTEM_PRINCIPAL, query));
    });

    it('match what the filters say, by hand', async () => {
      const ids = async (q: MessageQueryInput) =>
        (
          await store.list(SYSTEM_PRINCIPAL, { ...q, sort: 'createdAt', direction: 'asc' })
        ).items.map((m) => m.id);
      expect(await ids({ text: 'яма' })).toEqual([
        ...['m-01', 'm-02', 'm-03', 'm-05', 'm-07', 'm-09', 'm-10', 'm-11', 'm-12', 'm-13'],
      ]);
      expect(await ids({ text: '100%' })).toEqual(['m-14']);
      expect(await ids({ folder: 'returned_to_coordination' })).toEqual(['m-07']);
      expect(await ids({ source: 'site' })).toEqual(['m-03']);
      expect(await ids({ delegatedByAutorule: true })).toEqual(['m-03']);
      const due = await ids({ responseDueFrom: '2025-02-01T00:00:00.000Z' });
      expect(due.length).toBeGreaterThan(0);
      for (const id of due) {
        const m = (await store.get(id))?.snapshot.context;
        expect(m?.responseDueAt && m.responseDueAt >= '2025-02-01T00:00:00.000Z').toBe(true);
      }
      expect(await ids({ bbox: '158.5,52.9,158.8,53.1' })).toEqual(['m-01', 'm-11']);
      expect(await ids({ bbox: '45,52,51,55' })).toEqual(['m-13']);
      expect(await ids({ bbox: '-180,-90,180,90' })).toEqual(['m-01', 'm-02', 'm-11', 'm-13']);
      expect(await ids({ createdFrom: at(20), createdTo: at(30) })).toEqual([
        'm-03',
        'm-04',
        'm-05',
      ]);
    });

    for (const sort of sorts) {
      for (const direction of ['asc', 'desc'] as const) {
        it(`sort by ${sort} ${direction}, paged without gaps or repeats`, async () => {
          const query = { sort, direction };
          const expected = expectedIds(all, SYSTEM_PRINCIPAL, query);
          const full = await store.list(SYSTEM_PRINCIPAL, { ...query, limit: 200 });
          expect(full.items.map((m) => m.id)).toEqual(expected);
          for (const limit of [1, 3, 5]) {
            expect(await allPages(store, SYSTEM_PRINCIPAL, { ...query, limit })).toEqual(expected);
          }
          const filtered = { ...query, folder: 'in_work' as const, limit: 1 };
          expect(await allPages(store, SYSTEM_PRINCIPAL, filtered)).toEqual(
            expectedIds(all, SYSTEM_PRINCIPAL, filtered),
          );
        });
      }
    }

    it('refuse a malformed query or cursor', async () => {
      await expect(store.list(SYSTEM_PRINCIPAL, { cursor: 'not-a-cursor' })).rejects.toThrow(
        WorkflowRefusal,
      );
      await expect(store.list(SYSTEM_PRINCIPAL, { limit: 0 })).rejects.toThrow(WorkflowRefusal);
      for (const bbox of ['1,2,3', '3,0,1,1', '0,0,1,NaN', '0,0,1,Infinity', '0,-91,1,1']) {
        await expect(store.list(SYSTEM_PRINCIPAL, { bbox }), bbox).rejects.toThrow(WorkflowRefusal);
      }
    });

    it.each(viewers)('scope the list to what %s may see', async (_, viewer) => {
      const got = await allPages(store, viewer, { limit: 4, sort: 'updatedAt' });
      expect(got).toEqual(expectedIds(all, viewer, { sort: 'updatedAt' }));
    });

    it('scope by hand: own, subtree, assigned, operator-entered', async () => {
      const ids = async (viewer: Principal) =>
        (await store.list(viewer, { sort: 'createdAt', direction: 'asc' })).items.map((m) => m.id);
      expect(await ids(users.applicant2)).toEqual(['m-03', 'm-04', 'm-12']);
      expect(await ids(users.executorRoads)).toEqual(['m-03', 'm-05', 'm-11']);
      expect(await ids(users.operator)).toEqual(['m-09', 'm-10']);
      expect(await ids(users.coordinatorEdu)).toEqual(['m-06']);
      expect(await ids(users.coordinatorGov)).toEqual(
        all.filter((m) => m.snapshot.context.regionCode === '41').map((m) => m.id),
      );
      expect(await ids(users.coordinatorUlyRoads)).toEqual(['m-09', 'm-10', 'm-13']);
    });

    it.each(viewers)('count folders for %s', async (_, viewer) => {
      const scope = viewScopeOf(viewer, directory);
      const expected = Object.fromEntries(
        Object.keys(folderLabels).map((f) => [f, 0]),
      ) as FolderCounts;
      for (const m of all) {
        const { context } = m.snapshot;
        if (isVisible(scope, context, m.status)) expected[folderOf(m.status, context)] += 1;
      }
      expect(await store.folderCounts(viewer)).toEqual(expected);
    });

    it.each(viewers)('count queues for %s', async (_, viewer) => {
      const scope = viewScopeOf(viewer, directory);
      const queues = Object.keys(queueLabels) as Queue[];
      const expected = Object.fromEntries(queues.map((q) => [q, 0])) as QueueCounts;
      for (const m of all.map(listed)) {
        if (!isVisible(scope, m.message, m.status)) continue;
        for (const q of queues) if (inQueue(m, q, viewer.id)) expected[q] += 1;
      }
      expect(await store.queueCounts(viewer)).toEqual(expected);
    });

    it.each(viewers)('list each queue for %s', async (_, viewer) => {
      for (const queue of Object.keys(queueLabels) as Queue[]) {
        const got = await allPages(store, viewer, { queue, limit: 2 });
        expect(got, queue).toEqual(expectedIds(all, viewer, { queue }));
      }
    });

    it("queues by hand: an executor's new, in work and returned; the head's requests; deadlines", async () => {
      const ids = async (viewer: Principal, q: MessageQueryInput) =>
        (await store.list(viewer, { ...q, sort: 'createdAt', direction: 'asc' })).items.map(
          (m) => m.id,
        );
      const executor = users.executorRoads2;
      expect(await ids(executor, { queue: 'assigned_new' })).toEqual(['m-16']);
      expect(await ids(executor, { queue: 'assigned_in_work' })).toEqual(['m-04']);
      expect(await ids(executor, { queue: 'assigned_returned' })).toEqual(['m-15']);
      expect(await store.queueCounts(executor)).toEqual({
        assigned_new: 1,
        assigned_in_work: 1,
        assigned_returned: 1,
        extension_requests: 1,
        due_soon: 1,
        overdue: 0,
      });
      expect(await ids(users.headRoads, { queue: 'extension_requests' })).toEqual(['m-16']);
      expect(await ids(users.headRoads, { queue: 'assigned_new' })).toEqual([]);
      expect(await ids(SYSTEM_PRINCIPAL, { queue: 'due_soon' })).toEqual(['m-16']);
      expect(await ids(SYSTEM_PRINCIPAL, { queue: 'overdue' })).toEqual(['m-17']);
      expect(await ids(SYSTEM_PRINCIPAL, { appeal59fz: true })).toEqual(['m-15']);
      expect(await ids(SYSTEM_PRINCIPAL, { source: 'phone_112' })).toEqual(['m-09', 'm-10']);
      expect(await ids(SYSTEM_PRINCIPAL, { ids: ['m-16', 'm-02'] })).toEqual(['m-02', 'm-16']);
    });

    it("search the applicant's name only for those who see names in every list", async () => {
      const ids = async (viewer: Principal, text: string) =>
        (await store.list(viewer, { text })).items.map((m) => m.id);
      expect(await ids(users.coordinatorRoads, 'КУЗНЕЦОВ')).toEqual(['m-16']);
      expect(await ids(users.operator, 'сидоров')).toEqual(['m-10', 'm-09']);
      // An applicant's list holds their own messages: their name is no search term.
      expect(await ids(users.applicant2, 'петрова')).toEqual([]);
    });

    it('count the whole match in total, whatever page', async () => {
      const query = { folder: 'in_work' as const, sort: 'createdAt' as const, limit: 1 };
      const expected = expectedIds(all, SYSTEM_PRINCIPAL, query).length;
      expect(expected).toBeGreaterThan(2);
      const first = await store.list(SYSTEM_PRINCIPAL, { ...query, withTotal: true });
      expect(first.total).toBe(expected);
      const second = await store.list(SYSTEM_PRINCIPAL, {
        ...query,
        withTotal: true,
        cursor: first.nextCursor ?? '',
      });
      expect(second.total).toBe(expected);
      expect((await store.list(SYSTEM_PRINCIPAL, query)).total).toBeUndefined();
    });
  });
}
