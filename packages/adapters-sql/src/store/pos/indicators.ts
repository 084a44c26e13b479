import {
  type Directory,
  type IndicatorGroupBy,
  type IndicatorQuery,
  type IndicatorQueryInput,
  type IndicatorResult,
  type IndicatorSums,
  indicatorResultOf,
  type Principal,
  parseIndicatorQuery,
  queriedOrgIds,
} from '@reshaem/core';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../kernel/reads.js';

/** The group key of a summary row, as text, for each grouping (`groupKeyOf`, in SQL). */
const keys: Readonly<Record<IndicatorGroupBy, string>> = {
  org: 'holding_org_id',
  region: 'region_code',
  category: 'category_id',
  channel: 'channel',
  day: "to_char(received_on, 'YYYY-MM-DD')",
  week: "to_char(date_trunc('week', received_on), 'YYYY-MM-DD')",
  month: "to_char(received_on, 'YYYY-MM')",
};

/** `matchesIndicatorQuery`, in SQL. */
function filtersOf(query: IndicatorQuery, orgIds: readonly string[] | null): RawBuilder<unknown>[] {
  const where = [sql`received_on BETWEEN ${query.from}::date AND ${query.to}::date`];
  if (orgIds !== null) where.push(sql`holding_org_id = ANY (${[...orgIds]}::text[])`);
  if (query.region !== undefined) where.push(sql`region_code = ${query.region}`);
  if (query.categoryId !== undefined) where.push(sql`category_id = ${query.categoryId}`);
  if (query.channel !== undefined) where.push(sql`channel = ${query.channel}`);
  return where;
}

/** One aggregate row as the driver returns it: `bigint`s may come as strings. */
type SumsRow = Record<string, string | number | null> & { key: string | null; total: number };

const n = (value: string | number | null | undefined) => (value == null ? 0 : Number(value));
const orNull = (value: string | number | null | undefined) =>
  value == null ? null : Number(value);

const sumsOf = (row: SumsRow): IndicatorSums => ({
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
  answerMsMedian: orNull(row.answer_ms_median),
  answerMsP90: orNull(row.answer_ms_p90),
  answerWorkingDaysMedian: orNull(row.working_days_median),
  answerWorkingDaysP90: orNull(row.working_days_p90),
  deliveryLagMsMedian: orNull(row.delivery_lag_median),
});

/**
 * The indicators from the summary rows (`message_indicators`, migration 013): one
 * `GROUP BY GROUPING SETS ((key), ())` over the rows received in the period — the groups and
 * the totals in one pass, through the index on the date of receipt and the organisation —
 * then the core's `indicatorResultOf`, as the memory store does.
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
    return indicatorResultOf(new Map(), sumsOf({ key: null, total: 1 }), query, directory);
  }
  const key = sql.raw(keys[query.groupBy]);
  const now = sql`${query.now}::timestamptz`;
  const { rows } = await sql<SumsRow>`SELECT ${key} AS key, grouping(${key}) AS total,
      count(*) AS received,
      count(*) FILTER (WHERE rejected) AS rejected,
      count(answered_at) AS answered,
      count(*) FILTER (WHERE answered_on_time) AS answered_on_time,
      count(*) FILTER (WHERE awaiting AND response_due_at <= ${now}) AS overdue_now,
      count(*) FILTER (WHERE awaiting AND response_due_at > ${now} AND due_soon_at <= ${now})
        AS due_soon_now,
      count(answered_at) FILTER (WHERE fast_track) AS fast_track_answered,
      count(*) FILTER (WHERE fast_track AND answered_on_time) AS fast_track_on_time,
      sum(extensions_granted) AS extensions_granted,
      sum(rating_1) AS r1, sum(rating_2) AS r2, sum(rating_3) AS r3, sum(rating_4) AS r4,
      sum(rating_5) AS r5,
      sum(re_reviews) AS re_reviewed,
      count(*) FILTER (WHERE operator_delivered) AS operator_delivered,
      count(*) FILTER (WHERE autorouted) AS autorouted,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY answer_ms) AS answer_ms_median,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY answer_ms) AS answer_ms_p90,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY answer_working_days) AS working_days_median,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY answer_working_days) AS working_days_p90,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY delivery_lag_ms) AS delivery_lag_median
    FROM message_indicators
    WHERE ${sql.join(filtersOf(query, orgIds), sql` AND `)}
    GROUP BY GROUPING SETS ((${key}), ())`.execute(db);
  const groups = new Map<string, IndicatorSums>();
  let totals = sumsOf({ key: null, total: 1 });
  for (const row of rows) {
    if (n(row.total) === 1) totals = sumsOf(row);
    else if (row.key !== null) groups.set(row.key, sumsOf(row));
  }
  return indicatorResultOf(groups, totals, query, directory);
}
