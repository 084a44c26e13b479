/**
 * The time to answer: from receipt to the first approved answer, in calendar days (to the
 * hundredth) and in working days of the production calendar. `null` when nothing was
 * answered. Medians and 90th percentiles are discrete: the smallest value with at least that
 * share of the values at or below it (PostgreSQL's `percentile_disc`).
 */
export interface AnswerTime {
  medianDays: number | null;
  p90Days: number | null;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
}

/**
 * The SLA indicators of one group of messages (docs/analytics.md defines each as a formula
 * over the message's history). Counts are whole numbers; shares (0…1) and averages are
 * `null` when their denominator is 0.
 */
export interface IndicatorRow {
  /**
   * The group: an organisation's id, a region's code, a category's id, a channel's code, a
   * local date `YYYY-MM-DD` (`day`), the Monday of an ISO week (`week`), `YYYY-MM` (`month`);
   * `total` in the totals row.
   */
  key: string;
  /** The group as people read it (an organisation's name, «неделя с 06.01.2025» …). */
  label: string;
  /** Messages received in the period. */
  received: number;
  /** Rejected at moderation. */
  rejected: number;
  /** Answered: their first answer was approved (sent to the applicant, or ready for the operator). */
  answered: number;
  /** Answered no later than the response deadline in force then (extensions included). */
  answeredOnTime: number;
  /** `answeredOnTime / answered`. */
  answeredOnTimeShare: number | null;
  /** `answered - answeredOnTime`. */
  answeredLate: number;
  /** Waiting for an answer at `now` with the response deadline passed. */
  overdueNow: number;
  /** Waiting for an answer at `now`, due soon, the deadline not yet passed. */
  dueSoonNow: number;
  answerTime: AnswerTime;
  /** Fast-track messages answered. */
  fastTrackAnswered: number;
  /** Fast-track messages answered within their deadline. */
  fastTrackOnTime: number;
  /** Deadline extensions the heads approved. */
  extensionsGranted: number;
  /** Rated answers: every rating counts (a re-reviewed message's answers are rated once each). */
  rated: number;
  /** The mean score of the rated answers. */
  ratingAverage: number | null;
  /** How many rated answers got 1, 2, 3, 4 and 5. */
  ratingDistribution: [number, number, number, number, number];
  /** Rated answers that sent their message to re-review. */
  reReviewed: number;
  /** `reReviewed / rated`. */
  reReviewedShare: number | null;
  /** Operator-entered messages whose answer an operator delivered. */
  operatorDelivered: number;
  /** Median hours from the approval of the delivered answer to the delivery's confirmation. */
  deliveryLagMedianHours: number | null;
  /** Messages an autorule routed or assigned. */
  autorouted: number;
  /** `autorouted / received`. */
  autoroutedShare: number | null;
}

/** What `MessageStore.indicators` returns: a row per group, in key order, and the totals. */
export interface IndicatorResult {
  rows: IndicatorRow[];
  /** The same indicators over every message of the query (key `total`). */
  totals: IndicatorRow;
}
