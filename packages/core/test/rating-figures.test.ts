import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsEachMessageOnce, ruleSettingsSchema, sendsToReReview } from '../src/index.js';

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
  it('every figure of a row without re-reviews; a 5 always; rounds while there is one', () => {
    for (const figure of ['rated', 1, 2, 3, 4, 5, 'reReviewed'] as const) {
      expect(countsEachMessageOnce(figure, { reReviewed: 0 })).toBe(true);
    }
    expect(countsEachMessageOnce(5, { reReviewed: 4 })).toBe(true);
    for (const figure of ['rated', 1, 2, 3, 4] as const) {
      expect(countsEachMessageOnce(figure, { reReviewed: 1 })).toBe(false);
    }
    expect(countsEachMessageOnce('reReviewed', { reReviewed: 1 })).toBe(true);
    expect(countsEachMessageOnce('reReviewed', { reReviewed: 2 })).toBe(false);
  });

  it('a 5 is above every low mark a directory may set', () => {
    expect(ruleSettingsSchema.safeParse({ lowScore: 4 }).success).toBe(true);
    expect(ruleSettingsSchema.safeParse({ lowScore: 5 }).success).toBe(false);
  });

  it('a message whose ratings a figure counts twice is never vouched for, whatever settings each rating met', () => {
    // Any message's ratings: each but the last sent it to re-review under the settings of its
    // day, which a directory may change between two ratings (a lowered low mark, fewer rounds).
    const settings = fc.record({
      lowScore: fc.integer({ min: 1, max: 4 }),
      maxReReviewRounds: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), settings), {
          minLength: 1,
          maxLength: 5,
        }),
        (given) => {
          const ratings: number[] = [];
          for (const [score, then] of given) {
            ratings.push(score);
            if (!sendsToReReview(score, ratings.length - 1, then)) break;
          }
          const rounds = ratings.length - 1;
          for (const score of [1, 2, 3, 4, 5] as const) {
            if (ratings.filter((s) => s === score).length > 1) {
              expect(countsEachMessageOnce(score, { reReviewed: rounds })).toBe(false);
            }
          }
          if (ratings.length > 1) {
            expect(countsEachMessageOnce('rated', { reReviewed: rounds })).toBe(false);
          }
          if (rounds > 1) {
            expect(countsEachMessageOnce('reReviewed', { reReviewed: rounds })).toBe(false);
          }
        },
      ),
    );
  });
});
