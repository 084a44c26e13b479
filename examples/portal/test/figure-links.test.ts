import {
  createDirectory,
  createMemoryStore,
  type Directory,
  emptySums,
  type IndicatorRow,
  indicatorRowOf,
  type MessageStore,
} from '@reshaem/core';
import { createDemoDirectory, demoDirectoryInput } from '@reshaem/core/testing';
import { describe, expect, it } from 'vitest';
import { potholeSubmit, users } from '../../../packages/core/test/helpers.js';
import { kam } from '../../../packages/core/test/store-contract/indicator-histories.js';
import type { DashboardFilters } from '../src/web/analytics/dashboard-filters.js';
import { figureHref, type LinkedFigure } from '../src/web/analytics/figure-links.js';

const filters: DashboardFilters = { from: '2025-01-01', to: '2025-01-31', org: '', subtree: true };
const answer = { type: 'resolved', text: 'Сделано', files: [] };

/**
 * A pothole answered by the roads ministry, rated `score` (low enough for a re-review under
 * the store's settings), re-reviewed at the government, rated `score` again.
 */
async function ratedTwice(store: MessageStore, score = 1): Promise<void> {
  const id = 'twice';
  const submitted = await store.submit(
    potholeSubmit({ messageId: id, number: '41-twice', at: kam('2025-01-20 10:00') }),
  );
  if (!submitted.ok) throw new Error(submitted.error.message);
  const steps = [
    { type: 'moderation.accept', by: users.moderator, at: kam('2025-01-20 11:00') },
    {
      type: 'executor.assign',
      by: users.coordinatorRoads,
      executorId: users.executorRoads.id,
      at: kam('2025-01-20 11:10'),
    },
    { type: 'work.take', by: users.executorRoads, at: kam('2025-01-20 11:20') },
    { type: 'answer.submit', by: users.executorRoads, answer, at: kam('2025-01-21 10:00') },
    { type: 'answer.approve', by: users.headRoads, at: kam('2025-01-21 11:00') },
    { type: 'rating.submit', by: users.applicant, score, at: kam('2025-01-22 10:00') },
    { type: 'work.take', by: users.coordinatorGov, at: kam('2025-01-23 10:00') },
    { type: 'answer.submit', by: users.coordinatorGov, answer, at: kam('2025-01-23 11:00') },
    { type: 'answer.approve', by: users.headGov, at: kam('2025-01-24 10:00') },
    { type: 'rating.submit', by: users.applicant, score, at: kam('2025-01-25 10:00') },
  ] as const;
  for (const step of steps) {
    const sent = await store.send(id, step);
    if (!sent.ok) throw new Error(`${step.type}: ${sent.error.message}`);
  }
}

const rowOf = (distribution: IndicatorRow['ratingDistribution'], reReviewed: number) =>
  indicatorRowOf('total', 'Итого', {
    ...emptySums(),
    ratingDistribution: distribution,
    reReviewed,
  });

const linked = (row: IndicatorRow, directory: Directory) =>
  (['rated', 'rating1', 'rating2', 'rating3', 'rating4', 'rating5', 'reReviewed'] as const)
    .filter((figure: LinkedFigure) => figureHref(figure, row, 'total', filters, directory))
    .join(' ');

describe('the links from the rating figures', () => {
  it('leave out the figures that count ratings the list shows as one message', async () => {
    const directory = createDemoDirectory();
    const store = createMemoryStore({ directory });
    await ratedTwice(store);
    const { totals } = await store.indicators!(
      { ...filters, groupBy: 'org', now: kam('2025-02-10 12:00') },
      users.curatorGov,
    );
    expect([totals.rated, totals.ratingDistribution, totals.reReviewed]).toEqual([
      2,
      [2, 0, 0, 0, 0],
      1,
    ]);
    const listed = async (query: object) =>
      (await store.list(users.curatorGov, { ...query, withTotal: true })).total;
    // Two ratings of 1 and one message: the list cannot show «2».
    expect([await listed({ rated: true }), await listed({ ratingScores: [1] })]).toEqual([1, 1]);
    expect(figureHref('rated', totals, 'total', filters, directory)).toBeNull();
    expect(figureHref('rating1', totals, 'total', filters, directory)).toBeNull();
    // One round is one message, and a score above the low mark ends a message's ratings.
    expect(await listed({ reReviewed: true })).toBe(totals.reReviewed);
    expect(linked(totals, directory)).toBe('rating5 reReviewed');
  });

  it('link every rating figure of a row without re-reviews', () => {
    const row = rowOf([1, 2, 0, 4, 5], 0);
    expect(linked(row, createDemoDirectory())).toBe(
      'rated rating1 rating2 rating3 rating4 rating5 reReviewed',
    );
  });

  it('read no settings: a low mark lowered since the ratings leaves no link too many', async () => {
    // Rated 3 while 3 was the low mark: re-reviewed, rated 3 again. Then the low mark is 2.
    const then = createDirectory({
      ...demoDirectoryInput,
      settings: { ...demoDirectoryInput.settings, lowScore: 3 },
    });
    const store = createMemoryStore({ directory: then });
    await ratedTwice(store, 3);
    const { totals } = await store.indicators!(
      { ...filters, groupBy: 'org', now: kam('2025-02-10 12:00') },
      users.curatorGov,
    );
    expect([totals.ratingDistribution, totals.reReviewed]).toEqual([[0, 0, 2, 0, 0], 1]);
    const listed = await store.list(users.curatorGov, { ratingScores: [3], withTotal: true });
    expect(listed.total).toBe(1); // two ratings of 3, one message
    const now = createDirectory({
      ...demoDirectoryInput,
      settings: { ...demoDirectoryInput.settings, lowScore: 2 },
    });
    expect(figureHref('rating3', totals, 'total', filters, now)).toBeNull();
    expect(figureHref('rating3', totals, 'total', filters, then)).toBeNull();
    // Whatever the settings, only a row's facts decide: a 5 ends a message's ratings, and
    // one round is one message.
    for (const directory of [then, now, createDemoDirectory()]) {
      expect(linked(rowOf([1, 1, 1, 1, 1], 2), directory)).toBe('rating5');
      expect(linked(rowOf([1, 1, 1, 1, 1], 1), directory)).toBe('rating5 reReviewed');
    }
  });
});
