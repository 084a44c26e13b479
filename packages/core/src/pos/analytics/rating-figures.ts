import { ruleSettingsSchema } from '../../kernel/notifications/directory.js';
import type { IndicatorRow } from './indicator-row.js';

/** A figure of an indicator row that counts ratings or re-review rounds, or one score's ratings. */
export type RatingFigure = 'rated' | 'reReviewed' | 1 | 2 | 3 | 4 | 5;

/**
 * The highest low mark a directory may set (`settings.lowScore`): a score above it has never
 * sent a message to re-review, whatever the settings were when it was given.
 */
const highestLowScore = ruleSettingsSchema.shape.lowScore.unwrap().maxValue ?? 5;

/**
 * Whether a rating figure of a row counts each of its messages at most once, so that it
 * equals the number of messages a list filtered the same way shows (`rated`,
 * `ratingScores`, `reReviewed`). The figures count ratings and rounds, and a message is
 * rated again only after a re-review round. The answer holds whatever the settings were
 * when the ratings were given, so it reads none: a directory may have lowered its low mark
 * or its rounds since, and the current ones would vouch for a list shorter than its figure.
 * - in a row with no re-review, every message has at most one rating: every figure;
 * - a score above the highest low mark a directory may set (5) never sent a message back,
 *   so it is its message's last rating: always;
 * - `reReviewed` sums rounds: when the row has at most one;
 * - `rated` and the scores 1–4 of a row with a re-review: never (one of them may have sent
 *   its message back, under the settings of the day, and been given again).
 *
 * @example
 * countsEachMessageOnce(5, { reReviewed: 3 }); // true
 * countsEachMessageOnce(3, { reReviewed: 1 }); // false: 3 sent messages back if lowScore was 3
 * countsEachMessageOnce('rated', { reReviewed: 0 }); // true
 */
export function countsEachMessageOnce(
  figure: RatingFigure,
  row: Pick<IndicatorRow, 'reReviewed'>,
): boolean {
  if (row.reReviewed === 0) return true;
  if (figure === 'reReviewed') return row.reReviewed <= 1;
  if (figure === 'rated') return false;
  return figure > highestLowScore;
}
