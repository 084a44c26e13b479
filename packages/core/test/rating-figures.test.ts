import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsEachMessageOnce, sendsToReReview } from '../src/index.js';

const defaults = { lowScore: 2, maxReReviewRounds: 1 };

describe('which ratings send a message to re-review', () => {
  it('a score at or below the low mark while rounds are left, and nothing else', () => {
    expect(sendsToReReview(1, 0, defaults)).toBe(true);
    expect(sendsToReReview(2, 0, defaults)).toBe(true);
    expect(sendsToReReview(3, 0, defaults)).toBe(false);
    expect(sendsToReReview(1, 1, defaults)).toBe(false);
    expect(sendsToReReview(3, 0, { lowScore: 3, maxReReviewRounds: 3 })).toBe(true);
    expect(sendsToReReview(1, 0, { lowScore: 2, maxReReviewRounds: 0 })).toBe(false);
  });
});

describe('rating figures that count each message once', () => {
  it('by the defaults: high scores always, rated and low scores only in rows without a re-review', () => {
    for (const score of [3, 4, 5] as const) {
      expect(countsEachMessageOnce(score, { reReviewed: 4 }, defaults)).toBe(true);
    }
    for (const figure of ['rated', 1, 2] as const) {
      expect(countsEachMessageOnce(figure, { reReviewed: 0 }, defaults)).toBe(true);
      expect(countsEachMessageOnce(figure, { reReviewed: 1 }, defaults)).toBe(false);
    }
    expect(countsEachMessageOnce('reReviewed', { reReviewed: 7 }, defaults)).toBe(true);
    expect(
      countsEachMessageOnce('reReviewed', { reReviewed: 2 }, { ...defaults, maxReReviewRounds: 3 }),
    ).toBe(false);
    expect(
      countsEachMessageOnce('reReviewed', { reReviewed: 1 }, { ...defaults, maxReReviewRounds: 3 }),
    ).toBe(true);
  });

  it('a message whose ratings a score counts twice has been sent to re-review by that score', () => {
    // Any message's ratings: each but the last sent it to re-review, so a score counted twice
    // in one message is a score that sends to re-review, in a row with a re-review.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        (lowScore, maxReReviewRounds, scores) => {
          const settings = { lowScore, maxReReviewRounds };
          // The ratings a message can actually receive: rated again only after a re-review.
          const ratings: number[] = [];
          for (const score of scores) {
            ratings.push(score);
            if (!sendsToReReview(score, ratings.length - 1, settings)) break;
          }
          const rounds = ratings.length - 1;
          for (const score of [1, 2, 3, 4, 5] as const) {
            const twice = ratings.filter((s) => s === score).length > 1;
            if (twice)
              expect(countsEachMessageOnce(score, { reReviewed: rounds }, settings)).toBe(false);
          }
          if (ratings.length > 1) {
            expect(countsEachMessageOnce('rated', { reReviewed: rounds }, settings)).toBe(false);
          }
          if (rounds > 1) {
            expect(countsEachMessageOnce('reReviewed', { reReviewed: rounds }, settings)).toBe(
              false,
            );
          }
        },
      ),
    );
  });
});
