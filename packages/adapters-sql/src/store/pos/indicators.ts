import {
  type Directory,
  emptySums,
  type IndicatorQuery,
  type IndicatorQueryInput,
  type IndicatorResult,
  type IndicatorSums,
  indicatorResultOf,
  type Principal,
  parseIndicatorQuery,
  queriedOrgIds,
} from '@reshaem/core';
import type { Db } from '../kernel/reads.js';
import {
  type CountedName,
  type CountsRow,
  countedNames,
  countsStatement,
  type IndicatorSource,
  type PercentilesRow,
  percentilesStatement,
  roomyHash,
  sortedStatement,
  sourceOf,
  valueListsStatement,
} from './indicator-statements.js';
import { parseIntegers, ValueBuffer } from './indicator-value-lists.js';

const n = (value: string | number | null | undefined) => (value == null ? 0 : Number(value));
const orNull = (value: string | number | null | undefined) =>
  value == null ? null : Number(value);

function withCounts(
  sums: IndicatorSums,
  row: Record<CountedName, string | number | null>,
): IndicatorSums {
  return {
    ...sums,
    received: n(row.received),
    rejected: n(row.rejected),
    answered: n(row.answered),
    answeredOnTime: n(row.answered_on_time),
    overdueNow: n(row.overdue_now),
    dueSoonNow: n(row.due_soon_now),
    fastTrackAnswered: n(row.fast_track_answered),
    fastTrackOnTime: n(row.fast_track_on_time),
    extensionsGranted: n(row.extensions_granted),
    ratingDistribution: [n(row.r1), n(row.r2), n(row.r3), n(row.r4), n(row.r5)],
    reReviewed: n(row.re_reviewed),
    operatorDelivered: n(row.operator_delivered),
    autorouted: n(row.autorouted),
  };
}

const withWorkingDays = (sums: IndicatorSums, row: CountsRow): IndicatorSums => ({
  ...sums,
  answerWorkingDaysMedian: orNull(row.working_days_median),
  answerWorkingDaysP90: orNull(row.working_days_p90),
});

const withPercentiles = (sums: IndicatorSums, row: PercentilesRow): IndicatorSums => ({
  ...sums,
  answerMsMedian: orNull(row.answer_ms_median),
  answerMsP90: orNull(row.answer_ms_p90),
  deliveryLagMsMedian: orNull(row.delivery_lag_median),
});

/** A group's counts from their text (`{3,0,2,…}`, in the order of `countedNames`). */
function countsOfText(text: string): Record<CountedName, number> {
  const values = new Float64Array(countedNames.length);
  if (parseIntegers(text, values, 0) !== countedNames.length) {
    throw new Error(`indicators: ${countedNames.length} counts expected, got ${text}`);
  }
  const counts = {} as Record<CountedName, number>;
  countedNames.forEach((name, i) => {
    counts[name] = values[i] as number;
  });
  return counts;
}

/** Adds a group's counts to the totals' (every message is in exactly one group). */
function addCounts(totals: IndicatorSums, group: IndicatorSums): void {
  totals.received += group.received;
  totals.rejected += group.rejected;
  totals.answered += group.answered;
  totals.answeredOnTime += group.answeredOnTime;
  totals.overdueNow += group.overdueNow;
  totals.dueSoonNow += group.dueSoonNow;
  totals.fastTrackAnswered += group.fastTrackAnswered;
  totals.fastTrackOnTime += group.fastTrackOnTime;
  totals.extensionsGranted += group.extensionsGranted;
  for (const i of [0, 1, 2, 3, 4] as const) {
    totals.ratingDistribution[i] += group.ratingDistribution[i];
  }
  totals.reReviewed += group.reReviewed;
  totals.operatorDelivered += group.operatorDelivered;
  totals.autorouted += group.autorouted;
}

/**
 * The groups and totals from {@link valueListsStatement}, in one transaction that gives
 * its hash table room ({@link roomyHash}): one snapshot for every figure. Each group's
 * values are sorted in Node and the totals' percentiles selected from all of them.
 */
async function fromValueLists(
  db: Db,
  query: IndicatorQuery,
  source: IndicatorSource,
): Promise<{ groups: Map<string, IndicatorSums>; totals: IndicatorSums }> {
  const rows = await db.transaction().execute(async (trx) => {
    await roomyHash.execute(trx);
    return (await valueListsStatement(query, source).execute(trx)).rows;
  });
  const counts = rows.map((row) => countsOfText(row.counts));
  const capacity = counts.reduce((sum, group) => sum + group.received, 0);
  const answerMs = new ValueBuffer(capacity);
  const workingDays = new ValueBuffer(capacity);
  const deliveryLag = new ValueBuffer(capacity);
  const groups = new Map<string, IndicatorSums>();
  const totals = emptySums();
  rows.forEach((row, i) => {
    answerMs.readGroup(row.answer_ms);
    workingDays.readGroup(row.working_days);
    deliveryLag.readGroup(row.delivery_lag_ms);
    const sums = withCounts(emptySums(), counts[i] as Record<CountedName, number>);
    sums.answerMsMedian = answerMs.percentile(0.5);
    sums.answerMsP90 = answerMs.percentile(0.9);
    sums.answerWorkingDaysMedian = workingDays.percentile(0.5);
    sums.answerWorkingDaysP90 = workingDays.percentile(0.9);
    sums.deliveryLagMsMedian = deliveryLag.percentile(0.5);
    groups.set(row.key, sums);
    addCounts(totals, sums);
  });
  totals.answerMsMedian = answerMs.percentileOfAll(0.5);
  totals.answerMsP90 = answerMs.percentileOfAll(0.9);
  totals.answerWorkingDaysMedian = workingDays.percentileOfAll(0.5);
  totals.answerWorkingDaysP90 = workingDays.percentileOfAll(0.9);
  totals.deliveryLagMsMedian = deliveryLag.percentileOfAll(0.5);
  return { groups, totals };
}

/**
 * The indicators from the summary rows (`message_indicators`, migration 013), exactly as
 * the memory store counts them (docs/sql.md). A query scoped to organisations reads its few
 * thousand rows through the organisation index once, in one sorted statement
 * (`sortedStatement`). The whole country by week, region and the like runs two statements
 * side by side on the pool: the counts and the working days' percentiles from a hashed
 * histogram (`countsStatement`), and the answer time's and delivery lag's percentiles,
 * which need a sort (`percentilesStatement`); each sees its own snapshot, so a write
 * committed between the two may show in one a moment before the other. By organisation —
 * thousands of groups of a few dozen messages — one hashed statement sends each group's
 * counts and values, and Node sorts the values (`valueListsStatement`). Then the core's
 * `indicatorResultOf`.
 */
export async function indicators(
  db: Db,
  directory: Directory,
  input: IndicatorQueryInput,
  viewer: Principal,
): Promise<IndicatorResult> {
  const query = parseIndicatorQuery(input);
  const orgIds = queriedOrgIds(query, viewer, directory);
  if (orgIds !== null && orgIds.length === 0) {
    return indicatorResultOf(new Map(), emptySums(), query, directory);
  }
  const source = sourceOf(query, orgIds);
  if (orgIds === null && query.groupBy === 'org') {
    const { groups, totals } = await fromValueLists(db, query, source);
    return indicatorResultOf(groups, totals, query, directory);
  }
  const groups = new Map<string, IndicatorSums>();
  let totals = emptySums();
  const add = (row: CountsRow | PercentilesRow, sums: (to: IndicatorSums) => IndicatorSums) => {
    if (n(row.total) === 1) totals = sums(totals);
    else if (row.key !== null) groups.set(row.key, sums(groups.get(row.key) ?? emptySums()));
  };
  if (orgIds !== null) {
    const { rows } = await sortedStatement(query, source).execute(db);
    for (const row of rows) {
      add(row, (to) => withPercentiles(withWorkingDays(withCounts(to, row), row), row));
    }
  } else {
    const [counts, percentiles] = await Promise.all([
      countsStatement(query, source).execute(db),
      percentilesStatement(query, source).execute(db),
    ]);
    for (const row of counts.rows) add(row, (to) => withWorkingDays(withCounts(to, row), row));
    for (const row of percentiles.rows) add(row, (to) => withPercentiles(to, row));
  }
  return indicatorResultOf(groups, totals, query, directory);
}
