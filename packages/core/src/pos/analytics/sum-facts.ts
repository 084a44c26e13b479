import { toEpochMs } from '../../kernel/deadlines/instant.js';
import { emptySums, type IndicatorSums, percentileDisc } from './indicator-sums.js';
import type { MessageFacts } from './message-facts.js';

const ascending = (a: number, b: number) => a - b;

/**
 * The sums of a group of messages' facts at the instant `now`: the reference computation
 * (the memory store's, and the oracle the SQL store is tested against).
 */
export function sumFacts(facts: Iterable<MessageFacts>, now: string): IndicatorSums {
  const at = toEpochMs(now);
  const answerMs: number[] = [];
  const workingDays: number[] = [];
  const deliveryLag: number[] = [];
  const sums: IndicatorSums = emptySums();
  for (const f of facts) {
    sums.received += 1;
    if (f.rejected) sums.rejected += 1;
    if (f.answeredAt !== null) {
      sums.answered += 1;
      if (f.answeredOnTime) sums.answeredOnTime += 1;
      if (f.fastTrack) sums.fastTrackAnswered += 1;
      if (f.fastTrack && f.answeredOnTime) sums.fastTrackOnTime += 1;
      if (f.answerMs !== null) answerMs.push(f.answerMs);
      if (f.answerWorkingDays !== null) workingDays.push(f.answerWorkingDays);
    }
    if (f.awaiting && f.responseDueAt !== null) {
      const due = toEpochMs(f.responseDueAt);
      if (at >= due) sums.overdueNow += 1;
      else if (f.dueSoonAt !== null && at >= toEpochMs(f.dueSoonAt)) sums.dueSoonNow += 1;
    }
    sums.extensionsGranted += f.extensionsGranted;
    for (let i = 0; i < 5; i += 1) {
      sums.ratingDistribution[i as 0 | 1 | 2 | 3 | 4] += f.ratings[i as 0 | 1 | 2 | 3 | 4];
    }
    sums.reReviewed += f.reReviews;
    if (f.operatorDelivered) sums.operatorDelivered += 1;
    if (f.deliveryLagMs !== null) deliveryLag.push(f.deliveryLagMs);
    if (f.autorouted) sums.autorouted += 1;
  }
  answerMs.sort(ascending);
  workingDays.sort(ascending);
  deliveryLag.sort(ascending);
  sums.answerMsMedian = percentileDisc(answerMs, 0.5);
  sums.answerMsP90 = percentileDisc(answerMs, 0.9);
  sums.answerWorkingDaysMedian = percentileDisc(workingDays, 0.5);
  sums.answerWorkingDaysP90 = percentileDisc(workingDays, 0.9);
  sums.deliveryLagMsMedian = percentileDisc(deliveryLag, 0.5);
  return sums;
}
