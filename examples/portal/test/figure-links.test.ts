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

/** A pothole answered by the roads ministry, rated 1, re-reviewed at the government, rated 1. */
async function ratedOneTwice(store: MessageStore): Promise<void> {
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
    { type: 'rating.submit', by: users.applicant, score: 1, at: kam('2025-01-22 10:00') },
    { type: 'work.take', by: users.coordinatorGov, at: kam('2025-01-23 10:00') },
    { type: 'answer.submit', by: users.coordinatorGov, answer, at: kam('2025-01-23 11:00') },
    { type: 'answer.approve', by: users.headGov, at: kam('2025-01-24 10:00') },
    { type: 'rating.submit', by: users.applicant, score: 1, at: kam('2025-01-25 10:00') },
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
    await ratedOneTwice(store);
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
    expect(linked(totals, directory)).toBe('rating3 rating4 rating5 reReviewed');
  });

  it('link every rating figure of a row without re-reviews', () => {
    const row = rowOf([1, 2, 0, 4, 5], 0);
    expect(linked(row, createDemoDirectory())).toBe(
      'rated rating1 rating2 rating3 rating4 rating5 reReviewed',
    );
  });

  it('follow the directory’s low mark and rounds', () => {
    const directory = createDirectory({
      ...demoDirectoryInput,
      settings: { ...demoDirectoryInput.settings, lowScore: 3, maxReReviewRounds: 3 },
    });
    // Scores up to 3 send a message back, up to three times: two rounds may be one message.
    expect(linked(rowOf([1, 1, 1, 1, 1], 2), directory)).toBe('rating4 rating5');
    expect(linked(rowOf([1, 1, 1, 1, 1], 1), directory)).toBe('rating4 rating5 reReviewed');
  });
});
