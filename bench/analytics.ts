/**
 * The SLA indicators over a million messages on PostgreSQL: what a dashboard asks
 * (`store.indicators`, read from the summary rows of migration 013), each beside a plain
 * `GROUP BY` over the same messages in the `messages` table, p50/p95 over RUNS runs.
 *
 *   DATABASE_URL=postgres://… MESSAGES=1000000 RUNS=30 npx tsx --conditions=@reshaem/source bench/analytics.ts
 *
 * BENCH_SCHEMA=name keeps (and on the next run reuses) the filled schema. Never in CI.
 */
import { performance } from 'node:perf_hooks';
import { createPostgresKysely, createSqlStore, migrate } from '@reshaem/adapters-sql';
import type { IndicatorQueryInput, Principal } from '@reshaem/core';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { fillAnalytics } from './analytics/fill.js';
import { directory, fmt, kept, knob, log, ms, pct, schema, TOTAL, url } from './sql/world.js';

const RUNS = Number(knob('RUNS') ?? 30);
const NOW = '2025-12-31T12:00:00.000Z';
const quarter = { from: '2025-04-01', to: '2025-06-30', now: NOW } as const;

const curator: Principal = { id: 'cur-41', roles: [{ role: 'curator', orgId: 'r41' }] };
const head: Principal = { id: 'head-41-m3', roles: [{ role: 'head', orgId: 'r41-m3' }] };
const admin: Principal = { id: 'admin', roles: [{ role: 'admin' }] };

interface Case {
  name: string;
  viewer: Principal;
  query: IndicatorQueryInput;
  /** The plain GROUP BY over the same messages: counts by the same key, no more. */
  plain: (db: Kysely<never>) => Promise<unknown>;
}

const region41 = directory.subtreeOf('r41');
const ministry = directory.subtreeOf('r41-m3');
const kamchatka = 'Asia/Kamchatka';
const span = (from: string, to: string, zone: string) =>
  sql`created_at >= (${from}::date::timestamp AT TIME ZONE ${zone})
    AND created_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${zone})`;

const plainBy = (key: string, orgs: string[] | null, zone: string) => (db: Kysely<never>) =>
  sql`SELECT ${sql.raw(key)} AS key, count(*) AS received,
      count(*) FILTER (WHERE status = 'rejected') AS rejected,
      count(*) FILTER (WHERE status IN ('completed', 'answer_sent', 'answer_ready')) AS answered
    FROM messages
    WHERE ${span(quarter.from, quarter.to, zone)}
      ${orgs ? sql`AND holding_org_id = ANY (${orgs}::text[])` : sql``}
    GROUP BY 1`.execute(db);

const week = (zone: string) => `date_trunc('week', (created_at AT TIME ZONE '${zone}')::date)`;

const cases: Case[] = [
  {
    name: "region's curator: by week over a quarter",
    viewer: curator,
    query: { ...quarter, groupBy: 'week' },
    plain: plainBy(week(kamchatka), region41, kamchatka),
  },
  {
    name: "region's curator: by organisation (111)",
    viewer: curator,
    query: { ...quarter, groupBy: 'org' },
    plain: plainBy('holding_org_id', region41, kamchatka),
  },
  {
    name: "region's curator: rating distribution by category",
    viewer: curator,
    query: { ...quarter, groupBy: 'category' },
    plain: plainBy('category_id', region41, kamchatka),
  },
  {
    name: "ministry's head: by week, with its subtree",
    viewer: head,
    query: { ...quarter, groupBy: 'week', orgId: 'r41-m3' },
    plain: plainBy(week(kamchatka), ministry, kamchatka),
  },
  {
    name: 'platform admin: by week, whole country',
    viewer: admin,
    query: { ...quarter, groupBy: 'week' },
    plain: plainBy(week('Europe/Moscow'), null, 'Europe/Moscow'),
  },
  {
    name: 'platform admin: by region (79)',
    viewer: admin,
    query: { ...quarter, groupBy: 'region' },
    plain: plainBy('region_code', null, 'Europe/Moscow'),
  },
  {
    name: 'platform admin: by organisation (8,769)',
    viewer: admin,
    query: { ...quarter, groupBy: 'org' },
    plain: plainBy('holding_org_id', null, 'Europe/Moscow'),
  },
];

async function timeRuns(run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm the cache and the plan
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t0 = performance.now();
    await run();
    samples.push(ms(t0));
  }
  return samples;
}

async function main() {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const db = createPostgresKysely({ connectionString: url ?? '', searchPath: schema, max: 4 });
  // Filling a million rows and backfilling them are no store calls: no statement bound.
  const filler = createPostgresKysely({
    connectionString: url ?? '',
    searchPath: schema,
    max: 1,
    statementTimeoutMillis: 0,
    idleInTransactionTimeoutMillis: 0,
  });
  const raw = db as unknown as Kysely<never>;
  try {
    const version = await admin.query<{ v: string }>('SELECT version() AS v');
    log(`reshaem analytics bench — ${version.rows[0]?.v.split(',')[0]}, schema ${schema}`);
    await migrate(filler);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::integer AS n FROM message_indicators WHERE message_id LIKE 'a-%'`.execute(
      db,
    );
    if ((rows[0]?.n ?? 0) >= TOTAL) {
      log(`\nreusing the ${TOTAL.toLocaleString('en')} messages of schema ${schema}`);
    } else {
      log(`\nfilling ${TOTAL.toLocaleString('en')} messages…`);
      let t0 = performance.now();
      await sql`TRUNCATE messages, message_history, message_indicators`.execute(filler);
      await fillAnalytics(filler as unknown as Kysely<never>, TOTAL);
      log(`  messages and history in ${(ms(t0) / 1000).toFixed(1)} s`);
      // The summary rows, made by the migration's own backfill: run step 013 again.
      t0 = performance.now();
      await sql`DROP TABLE message_indicators`.execute(filler);
      await sql`DELETE FROM reshaem_migrations WHERE version = 13`.execute(filler);
      await migrate(filler);
      log(`  backfill (migration 013) in ${(ms(t0) / 1000).toFixed(1)} s`);
      await sql`VACUUM ANALYZE message_indicators`.execute(filler);
    }
    const store = await createSqlStore({ db, directory });
    log(`\n${RUNS} runs each, over ${TOTAL.toLocaleString('en')} messages, Q2 2025`);
    log(
      `  ${'dashboard query'.padEnd(50)} ${'rows'.padStart(5)} ${'indicators p50/p95'.padStart(20)} ${'plain GROUP BY p50/p95'.padStart(24)}  (ms)`,
    );
    for (const c of cases) {
      const result = await store.indicators(c.query, c.viewer);
      const figures = await timeRuns(() => store.indicators(c.query, c.viewer));
      const plain = await timeRuns(() => c.plain(raw));
      log(
        `  ${c.name.padEnd(50)} ${String(result.rows.length).padStart(5)} ${`${fmt(pct(figures, 50))} / ${fmt(pct(figures, 95))}`.padStart(20)} ${`${fmt(pct(plain, 50))} / ${fmt(pct(plain, 95))}`.padStart(24)}`,
      );
      log(
        `    ${result.totals.received.toLocaleString('en')} received, on time ${((result.totals.answeredOnTimeShare ?? 0) * 100).toFixed(1)} %, rating ${result.totals.ratingAverage}, distribution ${result.totals.ratingDistribution.join('/')}`,
      );
    }
  } finally {
    await filler.destroy();
    await db.destroy();
    if (!kept) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

await main();
