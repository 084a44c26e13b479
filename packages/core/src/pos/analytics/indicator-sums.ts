import type { IndicatorRow } from './indicator-row.js';

/**
 * What a group of messages adds up to, before shares and averages: the counts, and the
 * discrete percentiles of the answer and delivery times (milliseconds, working days). A
 * store computes these however it likes (the SQL store with one `GROUP BY`);
 * {@link indicatorRowOf} turns them into a row the same way for every store.
 */
export interface IndicatorSums {
  received: number;
  rejected: number;
  answered: number;
  answeredOnTime: number;
  overdueNow: number;
  dueSoonNow: number;
  fastTrackAnswered: number;
  fastTrackOnTime: number;
  extensionsGranted: number;
  /** Ratings that gave 1, 2, 3, 4 and 5. */
  ratingDistribution: [number, number, number, number, number];
  reReviewed: number;
  operatorDelivered: number;
  autorouted: number;
  answerMsMedian: number | null;
  answerMsP90: number | null;
  answerWorkingDaysMedian: number | null;
  answerWorkingDaysP90: number | null;
  deliveryLagMsMedian: number | null;
}

/** Sums of no messages at all. */
export const emptySums = (): IndicatorSums => ({
  received: 0,
  rejected: 0,
  answered: 0,
  answeredOnTime: 0,
  overdueNow: 0,
  dueSoonNow: 0,
  fastTrackAnswered: 0,
  fastTrackOnTime: 0,
  extensionsGranted: 0,
  ratingDistribution: [0, 0, 0, 0, 0],
  reReviewed: 0,
  operatorDelivered: 0,
  autorouted: 0,
  answerMsMedian: null,
  answerMsP90: null,
  answerWorkingDaysMedian: null,
  answerWorkingDaysP90: null,
  deliveryLagMsMedian: null,
});

/**
 * The discrete percentile of ascending `sorted` values, as PostgreSQL's `percentile_disc`
 * computes it: the value at position ⌈p·n⌉ (1-based, at least 1); `null` for no values.
 *
 * @example
 * percentileDisc([1, 2, 3, 4], 0.5); // 2
 */
export function percentileDisc(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[percentileDiscIndex(p, sorted.length)] ?? null;
}

/**
 * The 0-based index of {@link percentileDisc}'s value among `n` > 0 ascending values, for a
 * store that selects it from values of its own (a typed array, a partly sorted buffer).
 *
 * @example
 * percentileDiscIndex(0.5, 4); // 1
 */
export function percentileDiscIndex(p: number, n: number): number {
  return Math.min(Math.max(Math.ceil(p * n), 1), n) - 1;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const scaled = (value: number | null, unit: number) =>
  value === null ? null : round2(value / unit);

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * A row of indicators from a group's sums: shares and the rating average (`null` over
 * nothing), times in days and hours to the hundredth.
 *
 * @example
 * indicatorRowOf('kam-roads', 'Министерство дорог', sums).answeredOnTimeShare; // 0.75
 */
export function indicatorRowOf(key: string, label: string, sums: IndicatorSums): IndicatorRow {
  const rated = sums.ratingDistribution.reduce((total, n) => total + n, 0);
  const scoreSum = sums.ratingDistribution.reduce((total, n, i) => total + n * (i + 1), 0);
  return {
    key,
    label,
    received: sums.received,
    rejected: sums.rejected,
    answered: sums.answered,
    answeredOnTime: sums.answeredOnTime,
    answeredOnTimeShare: share(sums.answeredOnTime, sums.answered),
    answeredLate: sums.answered - sums.answeredOnTime,
    overdueNow: sums.overdueNow,
    dueSoonNow: sums.dueSoonNow,
    answerTime: {
      medianDays: scaled(sums.answerMsMedian, DAY_MS),
      p90Days: scaled(sums.answerMsP90, DAY_MS),
      medianWorkingDays: sums.answerWorkingDaysMedian,
      p90WorkingDays: sums.answerWorkingDaysP90,
    },
    fastTrackAnswered: sums.fastTrackAnswered,
    fastTrackOnTime: sums.fastTrackOnTime,
    extensionsGranted: sums.extensionsGranted,
    rated,
    ratingAverage: rated === 0 ? null : round2(scoreSum / rated),
    ratingDistribution: [...sums.ratingDistribution],
    reReviewed: sums.reReviewed,
    reReviewedShare: share(sums.reReviewed, rated),
    operatorDelivered: sums.operatorDelivered,
    deliveryLagMedianHours: scaled(sums.deliveryLagMsMedian, HOUR_MS),
    autorouted: sums.autorouted,
    autoroutedShare: share(sums.autorouted, sums.received),
  };
}
