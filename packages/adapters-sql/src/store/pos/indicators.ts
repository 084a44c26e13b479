import {
  type Directory,
  emptySums,
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
  type CountsRow,
  countsStatement,
  flatCountsStatement,
  type PercentileSets,
  type PercentilesRow,
  percentilesStatement,
  sortedStatement,
  sourceOf,
  type WorkingDaysRow,
} from './indicator-statements.js';

const n = (value: string | number | null | undefined) => (value == null ? 0 : Number(value));
const orNull = (value: string | number | null | undefined) =>
  value == null ? null : Number(value);

function withCounts(sums: IndicatorSums, row: CountsRow): IndicatorSums {
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
    answerWorkingDaysMedian: orNull(row.working_days_median),
    answerWorkingDaysP90: orNull(row.working_days_p90),
  };
}

function withPercentiles(
  sums: IndicatorSums,
  row: PercentilesRow & Partial<WorkingDaysRow>,
): IndicatorSums {
  const withTimes = {
    ...sums,
    answerMsMedian: orNull(row.answer_ms_median),
    answerMsP90: orNull(row.answer_ms_p90),
    deliveryLagMsMedian: orNull(row.delivery_lag_median),
  };
  if (row.working_days_median === undefined) return withTimes;
  return {
    ...withTimes,
    answerWorkingDaysMedian: orNull(row.working_days_median),
    answerWorkingDaysP90: orNull(row.working_days_p90),
  };
}

/**
 * The indicators from the summary rows (`message_indicators`, migration 013), exactly as
 * the memory store counts them (docs/sql.md). A query scoped to organisations reads its few
 * thousand rows through the organisation index once, in one sorted statement
 * (`sortedStatement`). The whole country runs two statements side by side on the pool: the
 * counts and the working days' percentiles from a hashed histogram (`countsStatement`), and
 * the answer time's and delivery lag's percentiles, which need a sort
 * (`percentilesStatement`); each sees its own snapshot, so a write committed between the two
 * may show in one a moment before the other. By organisation — thousands of groups of a few
 * dozen messages, whose (group, working days) histogram would hold about as many entries as
 * rows and spill at the default `work_mem` — the first statement hashes the counts by the
 * group alone (`flatCountsStatement`), and the percentiles, the working days' too, come from
 * two more statements, the groups' and the totals' (cheaper than one `GROUPING SETS` pass
 * over thousands of groups). Then the core's `indicatorResultOf`.
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
  const groups = new Map<string, IndicatorSums>();
  let totals = emptySums();
  const add = (row: CountsRow | PercentilesRow, sums: (to: IndicatorSums) => IndicatorSums) => {
    if (n(row.total) === 1) totals = sums(totals);
    else if (row.key !== null) groups.set(row.key, sums(groups.get(row.key) ?? emptySums()));
  };
  const source = sourceOf(query, orgIds);
  if (orgIds !== null) {
    const { rows } = await sortedStatement(query, source).execute(db);
    for (const row of rows) add(row, (to) => withPercentiles(withCounts(to, row), row));
  } else {
    const manyGroups = query.groupBy === 'org';
    const percentiles = (sets: PercentileSets) =>
      percentilesStatement(query, source, { workingDays: manyGroups, sets }).execute(db);
    const [counts, ...percentileRows] = await Promise.all([
      (manyGroups ? flatCountsStatement : countsStatement)(query, source).execute(db),
      ...(manyGroups ? [percentiles('groups'), percentiles('total')] : [percentiles('both')]),
    ]);
    for (const row of counts.rows) add(row, (to) => withCounts(to, row));
    for (const { rows } of percentileRows) {
      for (const row of rows) add(row, (to) => withPercentiles(to, row));
    }
  }
  return indicatorResultOf(groups, totals, query, directory);
}
