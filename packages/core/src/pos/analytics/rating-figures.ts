import type { RuleSettings } from '../../kernel/notifications/directory.js';
import { sendsToReReview } from '../resolve-rating.js';
import type { IndicatorRow } from './indicator-row.js';

/** A figure of an indicator row that counts ratings or re-review rounds, or one score's ratings. */
export type RatingFigure = 'rated' | 'reReviewed' | 1 | 2 | 3 | 4 | 5;

/**
 * Whether a rating figure of a row counts each of its messages at most once, so that it
 * equals the number of messages a list filtered the same way shows (`rated`,
 * `ratingScores`, `reReviewed`). The figures count ratings and rounds, and a message is
 * rated again only after a re-review round:
 * - `rated` and a score that may send a message to re-review: when the row had no re-review;
 * - a score that sends no message to re-review is its message's last rating: always;
 * - `reReviewed` sums rounds: when a message may go round once, or the row has at most one.
 *
 * @example
 * countsEachMessageOnce(5, { reReviewed: 3 }, { lowScore: 2, maxReReviewRounds: 1 }); // true
 * countsEachMessageOnce('rated', { reReviewed: 1 }, { lowScore: 2, maxReReviewRounds: 1 }); // false
 */
export function countsEachMessageOnce(
  figure: RatingFigure,
  row: Pick<IndicatorRow, 'reReviewed'>,
  settings: Pick<RuleSettings, 'lowScore' | 'maxReReviewRounds'>,
): boolean {
  if (figure === 'reReviewed') return settings.maxReReviewRounds <= 1 || row.reReviewed <= 1;
  if (figure === 'rated') return row.reReviewed === 0;
  return !sendsToReReview(figure, 0, settings) || row.reReviewed === 0;
}
