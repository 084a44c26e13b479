import type { IndicatorGroupBy, IndicatorQuery } from '@reshaem/core';
import { type RawBuilder, sql } from 'kysely';

/**
 * A grouping in SQL: `group` is what the rows are grouped by — the holding organisation,
 * region, category or channel in byte order (`COLLATE "C"`: no locale compares strings in
 * the sort the percentiles need), the date of receipt, its week's Monday or its month's
 * first day as a `date` (date arithmetic, no time zone, no text per row) — and `key` turns
 * a group's value into the core's key (`groupKeyOf`), only once per group.
 */
interface GroupingSql {
  group: string;
  key: (column: string) => string;
}

const asIs = (column: string) => column;
const isoDate = (column: string) => `to_char(${column}::timestamp, 'YYYY-MM-DD')`;

const groupings: Readonly<Record<IndicatorGroupBy, GroupingSql>> = {
  org: { group: 'holding_org_id COLLATE "C"', key: asIs },
  region: { group: 'region_code COLLATE "C"', key: asIs },
  category: { group: 'category_id COLLATE "C"', key: asIs },
  channel: { group: 'channel COLLATE "C"', key: asIs },
  day: { group: 'received_on', key: isoDate },
  // 2000-01-03 was a Monday; the double modulo keeps dates before it on their Monday too.
  week: { group: "received_on - ((received_on - DATE '2000-01-03') % 7 + 7) % 7", key: isoDate },
  month: {
    group: "date_trunc('month', received_on::timestamp)::date",
    key: (column) => `to_char(${column}::timestamp, 'YYYY-MM')`,
  },
};

/** Where a statement reads its summary rows: `FROM … WHERE …`. */
export interface IndicatorSource {
  from: RawBuilder<unknown>;
  where: RawBuilder<unknown>;
}

/** The period's summary rows in the query's scope: `matchesIndicatorQuery`, in SQL. */
export function sourceOf(query: IndicatorQuery, orgIds: readonly string[] | null): IndicatorSource {
  const where = [sql`received_on BETWEEN ${query.from}::date AND ${query.to}::date`];
  if (orgIds !== null) where.push(sql`holding_org_id = ANY (${[...orgIds]}::text[])`);
  if (query.region !== undefined) where.push(sql`region_code = ${query.region}`);
  if (query.categoryId !== undefined) where.push(sql`category_id = ${query.categoryId}`);
  if (query.channel !== undefined) where.push(sql`channel = ${query.channel}`);
  return { from: sql`message_indicators`, where: sql.join(where, sql` AND `) };
}

/** The counts summed at each level, by the names both statements' rows use. */
const counted = [
  'received',
  'rejected',
  'answered',
  'answered_on_time',
  'overdue_now',
  'due_soon_now',
  'fast_track_answered',
  'fast_track_on_time',
  'extensions_granted',
  'r1',
  'r2',
  'r3',
  'r4',
  'r5',
  're_reviewed',
  'operator_delivered',
  'autorouted',
] as const;
const sums = sql.raw(counted.map((c) => `sum(${c}) AS ${c}`).join(', '));

/** Every count of the indicators over the rows of a group, in the order of {@link counted}. */
function countExpressions(
  query: IndicatorQuery,
): Record<(typeof counted)[number], RawBuilder<unknown>> {
  const now = sql`${query.now}::timestamptz`;
  return {
    received: sql`count(*)`,
    rejected: sql`count(*) FILTER (WHERE rejected)`,
    answered: sql`count(answered_at)`,
    answered_on_time: sql`count(*) FILTER (WHERE answered_on_time)`,
    overdue_now: sql`count(*) FILTER (WHERE awaiting AND response_due_at <= ${now})`,
    due_soon_now: sql`count(*) FILTER (WHERE awaiting AND response_due_at > ${now}
      AND due_soon_at <= ${now})`,
    fast_track_answered: sql`count(answered_at) FILTER (WHERE fast_track)`,
    fast_track_on_time: sql`count(*) FILTER (WHERE fast_track AND answered_on_time)`,
    extensions_granted: sql`sum(extensions_granted)`,
    r1: sql`sum(rating_1)`,
    r2: sql`sum(rating_2)`,
    r3: sql`sum(rating_3)`,
    r4: sql`sum(rating_4)`,
    r5: sql`sum(rating_5)`,
    re_reviewed: sql`sum(re_reviews)`,
    operator_delivered: sql`count(*) FILTER (WHERE operator_delivered)`,
    autorouted: sql`count(*) FILTER (WHERE autorouted)`,
  };
}

/** Every count of the indicators over the rows of a group, named as {@link counted}. */
function countsOf(query: IndicatorQuery): RawBuilder<unknown> {
  const expressions = countExpressions(query);
  return sql.join(counted.map((name) => sql`${expressions[name]} AS ${sql.raw(name)}`));
}

/**
 * Every count of the indicators over the rows of a group as one text, `{3,0,2,…}`: the
 * counts in the order of {@link counted} (a `bigint[]`; one field for the driver to decode
 * instead of seventeen). Every count and sum is over at least one row, never NULL.
 */
function countsArrayOf(query: IndicatorQuery): RawBuilder<unknown> {
  const expressions = countExpressions(query);
  return sql`ARRAY[${sql.join(counted.map((name) => expressions[name]))}]::text`;
}

/** The counts' names, in the order {@link valueListsStatement} sends them. */
export const countedNames: readonly CountedName[] = counted;

/** The name of a count, as both statements' rows name it. */
export type CountedName = (typeof counted)[number];

/**
 * Every count of the groups and the totals, and the working days' discrete percentiles,
 * without sorting the messages: one hashed `GROUP BY (group, working days)` over the period
 * (a few dozen working-day values per group), then the same counts summed per group and
 * over all groups (`GROUPING SETS`), and each percentile read off the running count of
 * that small histogram: the first value whose running count reaches ⌈p·n⌉ — exactly
 * `percentile_disc`, whose position PostgreSQL also computes in double precision, as the
 * core's `percentileDisc` does.
 */
export function countsStatement(
  query: IndicatorQuery,
  source: IndicatorSource,
): RawBuilder<CountsRow> {
  const grouping = groupings[query.groupBy];
  return sql<CountsRow>`WITH h AS (
      SELECT ${sql.raw(grouping.group)} AS g, answer_working_days AS wd,
        ${countsOf(query)}
      FROM ${source.from}
      WHERE ${source.where}
      GROUP BY 1, 2),
    s AS (
      SELECT g, wd, grouping(g) AS total, ${sums}
      FROM h GROUP BY GROUPING SETS ((g, wd), (wd))),
    c AS (
      SELECT s.*,
        sum(received) FILTER (WHERE wd IS NOT NULL) OVER (PARTITION BY total, g ORDER BY wd)
          AS running,
        sum(received) FILTER (WHERE wd IS NOT NULL) OVER (PARTITION BY total, g) AS n
      FROM s)
    SELECT ${sql.raw(grouping.key('g'))} AS key, total, ${sums},
      min(wd) FILTER (WHERE running >= greatest(ceil(0.5::float8 * n), 1)) AS working_days_median,
      min(wd) FILTER (WHERE running >= greatest(ceil(0.9::float8 * n), 1)) AS working_days_p90
    FROM c GROUP BY total, g`;
}

/**
 * The discrete percentiles of the answer time and the delivery lag (values of many
 * milliseconds, so sorted: `percentile_disc`, the answer time's median and 90th percentile
 * from one sort) of each group and of all of them (`GROUPING SETS`), over the messages that
 * have either.
 */
export function percentilesStatement(
  query: IndicatorQuery,
  source: IndicatorSource,
): RawBuilder<PercentilesRow> {
  const grouping = groupings[query.groupBy];
  return sql<PercentilesRow>`SELECT key, total, answer_ms[1] AS answer_ms_median,
      answer_ms[2] AS answer_ms_p90, delivery_lag_median
    FROM (
      SELECT ${sql.raw(grouping.key('g'))} AS key, grouping(g) AS total,
        percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY answer_ms) AS answer_ms,
        percentile_disc(0.5) WITHIN GROUP (ORDER BY delivery_lag_ms) AS delivery_lag_median
      FROM (
        SELECT ${sql.raw(grouping.group)} AS g, answer_ms, delivery_lag_ms
        FROM ${source.from}
        WHERE ${source.where} AND (answer_ms IS NOT NULL OR delivery_lag_ms IS NOT NULL)) r
      GROUP BY GROUPING SETS ((g), ())) p`;
}

/**
 * Every count of each group (as one text), and the values the percentiles are taken of —
 * the answer times, the working days, the delivery lags — as one text per group and value
 * (`array_agg(…)::text`, `{1,2,3}`), for Node to sort (`ValueBuffer`): one hashed pass over
 * the period, no sort, no totals (Node sums them). For thousands of small groups, where
 * sorting the rows by group, and setting up a sort per group and percentile, was most of
 * the time. `array_agg` keeps its values in memory the planner counts as 8 kB a group,
 * so at the default `work_mem` it would sort instead: run it after {@link roomyHash}.
 */
export function valueListsStatement(
  query: IndicatorQuery,
  source: IndicatorSource,
): RawBuilder<ValueListsRow> {
  const grouping = groupings[query.groupBy];
  const list = (column: string) =>
    sql.raw(`array_agg(${column}) FILTER (WHERE ${column} IS NOT NULL)::text`);
  return sql<ValueListsRow>`SELECT ${sql.raw(grouping.key('g'))} AS key,
      ${countsArrayOf(query)} AS counts,
      ${list('answer_ms')} AS answer_ms,
      ${list('answer_working_days')} AS working_days,
      ${list('delivery_lag_ms')} AS delivery_lag_ms
    FROM (SELECT ${sql.raw(grouping.group)} AS g, * FROM ${source.from} WHERE ${source.where}) r
    GROUP BY g`;
}

/**
 * Lets the current transaction's hash tables grow to what {@link valueListsStatement}
 * really needs (25 MB for 8,769 organisations over a quarter of 250,000 messages, 50 MB
 * over 13 months of 1,000,000) instead of the planner's guess of 8 kB a group and value,
 * which at the default `work_mem` plans a sort or a hash spilled to 64 partitions.
 * PostgreSQL still spills a hash table that outgrows it (twice `work_mem`).
 */
export const roomyHash = sql`SELECT set_config('work_mem', '256MB', true)`;

/**
 * Everything in one statement, sorting for every percentile (`percentile_disc`): the
 * groups and the totals in one pass (`GROUPING SETS`). For a scope of organisations — a few
 * thousand rows — the sorts cost less than the histogram's extra steps or a second read
 * of rows scattered over the period's pages.
 */
export function sortedStatement(
  query: IndicatorQuery,
  source: IndicatorSource,
): RawBuilder<CountsRow & PercentilesRow> {
  const grouping = groupings[query.groupBy];
  return sql<CountsRow & PercentilesRow>`SELECT ${sql.raw(grouping.key('g'))} AS key,
      grouping(g) AS total,
      ${countsOf(query)},
      percentile_disc(0.5) WITHIN GROUP (ORDER BY answer_ms) AS answer_ms_median,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY answer_ms) AS answer_ms_p90,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY answer_working_days) AS working_days_median,
      percentile_disc(0.9) WITHIN GROUP (ORDER BY answer_working_days) AS working_days_p90,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY delivery_lag_ms) AS delivery_lag_median
    FROM (SELECT ${sql.raw(grouping.group)} AS g, * FROM ${source.from} WHERE ${source.where}) r
    GROUP BY GROUPING SETS ((g), ())`;
}

/** A value as the driver returns it: `bigint`s and `numeric`s may come as strings. */
type Value = string | number | null;

/** The working days' median and 90th percentile of a group (or of all groups). */
export interface WorkingDaysRow {
  working_days_median: Value;
  working_days_p90: Value;
}

/** A row of {@link countsStatement}: a group's (or, `total` 1, every group's) counts. */
export type CountsRow = Record<(typeof counted)[number], Value> &
  WorkingDaysRow & {
    key: string | null;
    total: Value;
  };

/**
 * A row of {@link valueListsStatement}: a group's counts (`{3,0,2,…}`, in the order of
 * {@link countedNames}) and values (`{1,2,3}`, or none).
 */
export interface ValueListsRow {
  key: string;
  counts: string;
  answer_ms: string | null;
  working_days: string | null;
  delivery_lag_ms: string | null;
}

/** A row of {@link percentilesStatement}. */
export interface PercentilesRow {
  key: string | null;
  total: Value;
  answer_ms_median: Value;
  answer_ms_p90: Value;
  delivery_lag_median: Value;
}
