import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FolderCounts,
  folderLabels,
  folderOf,
  isVisible,
  type MessageQueryInput,
  type MessageStore,
  type Principal,
  type StoredMessage,
  SYSTEM_PRINCIPAL,
  viewScopeOf,
} from '../../src/index.js';
import { directory, users } from '../helpers.js';
import { expectedIds } from './lists.js';
import { writeRatedFixture } from './rated-fixture.js';
import { type MakeStore, storeOptions } from './setup.js';

/** The rating and re-review filters, each keeping some rated messages and dropping others. */
export const ratedFilters: Array<[string, MessageQueryInput]> = [
  ['rated', { rated: true }],
  ['not rated', { rated: false }],
  ['rating scores 1 or 2', { ratingScores: [1, 2] }],
  ['rating score 1: a first round rating, not the last', { ratingScores: [1] }],
  ['rating score 4: a second round rating', { ratingScores: [4] }],
  ['rating scores 3 or 5', { ratingScores: [3, 5] }],
  ['rating score 5, twice', { ratingScores: [5, 5] }],
  ['re-reviewed', { reReviewed: true }],
  ['never re-reviewed', { reReviewed: false }],
  ['rated, never re-reviewed', { rated: true, reReviewed: false }],
  ['rated 4 and re-reviewed', { ratingScores: [4], reReviewed: true }],
  ['not rated, in coordination', { rated: false, statuses: ['coordination'] }],
  ['folder returned (re-review)', { folder: 'returned' }],
  ['folder processed', { folder: 'processed' }],
  ['statuses completed', { statuses: ['completed'] }],
  ['channels operator, rated', { channels: ['operator'], rated: true }],
];

/** What each row must list on the rated fixture, worked out by hand from rated-fixture.ts. */
const byHand: Record<string, string[]> = {
  rated: ['r-02', 'r-03', 'r-04', 'r-05', 'r-06'],
  'not rated': ['r-01', 'r-07'],
  'rating scores 1 or 2': ['r-04', 'r-05'],
  'rating score 1: a first round rating, not the last': ['r-05'],
  'rating score 4: a second round rating': ['r-05'],
  're-reviewed': ['r-04', 'r-05'],
  'folder returned (re-review)': ['r-04'],
};

const viewers: Array<[string, Principal]> = [
  ['system', SYSTEM_PRINCIPAL],
  ...Object.entries(users),
];

export function describeRatedLists(makeStore: MakeStore) {
  describe('lists of rated and re-reviewed messages', () => {
    let store: MessageStore;
    let all: StoredMessage[];
    beforeAll(async () => {
      store = await makeStore(storeOptions());
      all = await writeRatedFixture(store);
    });
    afterAll(() => store?.close());

    it('the fixture was rated through the workflow: two ratings across a round on r-05', () => {
      const r05 = all.find((m) => m.id === 'r-05')?.snapshot.context;
      expect(r05?.ratings.map((r) => [r.score, r.round])).toEqual([
        [1, 0],
        [4, 1],
      ]);
      expect(all.map((m) => m.status)).toEqual([
        'answer_sent',
        'completed',
        'completed',
        'coordination',
        'completed',
        'completed',
        'coordination',
      ]);
    });

    it.each(ratedFilters)('each row can fail: %s keeps some and drops others', (_, query) => {
      const expected = expectedIds(all, SYSTEM_PRINCIPAL, query);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
    });

    it.each(ratedFilters)('filter: %s', async (_, query) => {
      const got = await store.list(SYSTEM_PRINCIPAL, { ...query, limit: 200 });
      expect(got.items.map((m) => m.id)).toEqual(expectedIds(all, SYSTEM_PRINCIPAL, query));
    });

    it.each(Object.entries(byHand))('filter by hand: %s', async (name, ids) => {
      const query = ratedFilters.find(([n]) => n === name)?.[1];
      if (!query) throw new Error(`no row ${name}`);
      const got = await store.list(SYSTEM_PRINCIPAL, {
        ...query,
        sort: 'createdAt',
        direction: 'asc',
      });
      expect(got.items.map((m) => m.id)).toEqual(ids);
    });

    it.each(viewers)('count folders with re-reviews for %s', async (_, viewer) => {
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
  });
}
