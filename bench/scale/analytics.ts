/**
 * The SLA dashboards (`store.indicators`) at the filled size, each beside a plain `GROUP BY`
 * over the same messages in the same run (received, rejected, answered by the same key, the
 * same scope and dates), taking turns: what bench/analytics.ts measures at a million, over
 * the scale fill's organisations and a quarter of its two years.
 */
import { performance } from 'node:perf_hooks';
import type { SqlStore } from '@reshaem/adapters-sql';
import { type IndicatorQueryInput, type Principal, regionTimeZone } from '@reshaem/core';
import { sql } from 'kysely';
import { fmt, knob, pct } from '../sql/world.js';
import { refNow } from './instants.js';
import { scaleDirectory } from './scale-world.js';

type Log = (line?: string) => void;
const RUNS = Number(knob('SCALE_ANALYTICS_RUNS') ?? 5);
/** The last whole quarter before the fill's instant. */
const quarter = { from: '2026-07-01', to: '2026-09-30', now: refNow } as const;
const moscow = 'Europe/Moscow';

interface Case {
  name: string;
  viewer: Principal;
  query: IndicatorQueryInput;
  /** The plain query's key, scope (organisations, or every one) and time zone of its dates. */
  key: string;
  orgs: string[] | null;
  zone: string;
}

const week = (zone: string) => `date_trunc('week', (created_at AT TIME ZONE '${zone}')::date)`;

function cases(): Case[] {
  const region = 'r40';
  const zone = regionTimeZone('40');
  const regionOrgs = scaleDirectory.subtreeOf(region);
  return [
    {
      name: `region's curator (${regionOrgs.length.toLocaleString('en')} orgs), by week`,
      viewer: { id: 'cur', roles: [{ role: 'curator', orgId: region }] },
      query: { ...quarter, groupBy: 'week' },
      key: week(zone),
      orgs: regionOrgs,
      zone,
    },
    {
      name: 'platform admin, whole country, by week',
      viewer: { id: 'admin', roles: [{ role: 'admin' }] },
      query: { ...quarter, groupBy: 'week' },
      key: week(moscow),
      orgs: null,
      zone: moscow,
    },
    {
      name: 'platform admin, whole country, by region',
      viewer: { id: 'admin', roles: [{ role: 'admin' }] },
      query: { ...quarter, groupBy: 'region' },
      key: 'region_code',
      orgs: null,
      zone: moscow,
    },
  ];
}

function plain(db: SqlStore['db'], c: Case) {
  return sql`SELECT ${sql.raw(c.key)} AS key, count(*) AS received,
      count(*) FILTER (WHERE status = 'rejected') AS rejected,
      count(*) FILTER (WHERE status IN ('completed', 'answer_sent', 'answer_ready')) AS answered
    FROM messages
    WHERE created_at >= (${quarter.from}::date::timestamp AT TIME ZONE ${c.zone})
      AND created_at < ((${quarter.to}::date + 1)::timestamp AT TIME ZONE ${c.zone})
      ${c.orgs ? sql`AND holding_org_id = ANY (${c.orgs}::text[])` : sql``}
    GROUP BY 1`.execute(db);
}

async function timed(samples: number[], run: () => Promise<unknown>) {
  const t0 = performance.now();
  await run();
  samples.push(performance.now() - t0);
}

/** Each case's dashboard and plain query, a warm-up each, then RUNS turns. */
export async function analytics(store: SqlStore, log: Log) {
  const pair = (xs: number[]) => `${fmt(pct(xs, 50))}/${fmt(pct(xs, 95))}`;
  for (const c of cases()) {
    const mine: number[] = [];
    const base: number[] = [];
    const result = await store.indicators(c.query, c.viewer);
    await plain(store.db, c);
    for (let k = 0; k < RUNS; k++) {
      await timed(mine, () => store.indicators(c.query, c.viewer));
      await timed(base, () => plain(store.db, c));
    }
    const received = result.rows.reduce((sum, row) => sum + row.received, 0);
    log(
      `  ${c.name}: ${result.rows.length} rows, ${received.toLocaleString('en')} received; ` +
        `p50/p95 ${pair(mine)} ms beside the plain GROUP BY's ${pair(base)} ms`,
    );
  }
}
