/**
 * Measurements at the filled size: every folder, queue and common filter's list for every
 * kind of viewer (first page, and a deep page reached by cursor), folder counts, timer
 * claims among the generated timers, and a streamed export through the HTTP route.
 */
import { performance } from 'node:perf_hooks';
import { createSqlStore, type SqlStore } from '@reshaem/adapters-sql';
import type { MessageQueryInput, Principal } from '@reshaem/core';
import { claimSettings, viewScopeOf } from '@reshaem/core';
import { sql } from 'kysely';
import {
  onFolderCounts,
  orgScope,
} from '../../packages/adapters-sql/src/store/kernel/scope-sql.js';
import { claimTimers } from '../../packages/adapters-sql/src/store/kernel/timer-worker.js';
import { viewersWith } from '../sql/reads.js';
import { fmt, knob, pct } from '../sql/world.js';
import { analytics } from './analytics.js';
import { measureExport } from './export.js';
import { refNowPlus } from './instants.js';
import { INSTITUTIONS, scaleDirectory } from './scale-world.js';

const viewers = viewersWith(INSTITUTIONS);

type Log = (line?: string) => void;
const DAY = 86_400_000;
const SAMPLES = Number(knob('SCALE_SAMPLES') ?? 12);
const DEEP_PAGE = 10;
/** `SCALE_DETAIL=1` prints every query's p95 (first page / deep page) under its viewer. */
const DETAIL = knob('SCALE_DETAIL') === '1';

/** What staff open every day: each folder and queue, and the common filters and sorts. */
export const scaleQueries: Record<string, MessageQueryInput> = {
  'all (default sort)': {},
  'folder new': { folder: 'new' },
  'folder in_work': { folder: 'in_work', sort: 'updatedAt' },
  'folder returned': { folder: 'returned' },
  'folder on_approval': { folder: 'on_approval' },
  'folder returned_to_coordination': { folder: 'returned_to_coordination' },
  'folder processed': { folder: 'processed' },
  'queue due_soon': { queue: 'due_soon' },
  'queue overdue': { queue: 'overdue' },
  'overdue, by deadline': { overdue: true, sort: 'responseDueAt', direction: 'asc' },
  'fast-track': { fastTrack: true },
  'status in_work + category': { statuses: ['in_work'], categoryIds: ['health'] },
  'source phone_112': { source: 'phone_112' },
  'created last month': {
    createdFrom: refNowPlus(-30 * DAY),
    createdTo: refNowPlus(0),
  },
  'registered, oldest first': { sort: 'registeredAt', direction: 'asc' },
};

async function time<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  samples.push(performance.now() - t0);
  return result;
}

async function lists(store: SqlStore, log: Log) {
  const first: number[] = [];
  const deep: number[] = [];
  const worst: Array<{ name: string; p95: number }> = [];
  log(
    `  ${'viewer'.padEnd(38)} ${'first page p50/p95'.padStart(20)} ${`page ${DEEP_PAGE} p50/p95`.padStart(18)}  worst query (p95)`,
  );
  for (const [name, viewer] of Object.entries(viewers)) {
    const mine: number[] = [];
    const mineDeep: number[] = [];
    let worstQuery = { query: '', p95: 0 };
    const details: string[] = [];
    for (const [label, query] of Object.entries(scaleQueries)) {
      const samples: number[] = [];
      const deepBefore = mineDeep.length;
      for (let s = 0; s < SAMPLES; s++) {
        const who: Principal = viewer();
        let page: Awaited<ReturnType<SqlStore['list']>>;
        try {
          page = await time(samples, () => store.list(who, query));
        } catch {
          samples.pop(); // a folder this viewer does not work
          break;
        }
        if (s % 4 === 0) {
          for (let p = 2; p <= DEEP_PAGE && page.nextCursor; p++) {
            const cursor = page.nextCursor;
            page =
              p === DEEP_PAGE
                ? await time(mineDeep, () => store.list(who, { ...query, cursor }))
                : await store.list(who, { ...query, cursor });
          }
        }
      }
      mine.push(...samples);
      const p95 = pct(samples, 95);
      const deepHere = mineDeep.slice(deepBefore);
      if (samples.length) {
        details.push(
          `    ${label.padEnd(34)} ${fmt(p95).padStart(8)} ${deepHere.length ? fmt(pct(deepHere, 95)).padStart(8) : '-'.padStart(8)}`,
        );
      }
      if (p95 > worstQuery.p95) worstQuery = { query: label, p95 };
    }
    first.push(...mine);
    deep.push(...mineDeep);
    worst.push({ name, p95: worstQuery.p95 });
    const pair = (xs: number[]) => (xs.length ? `${fmt(pct(xs, 50))}/${fmt(pct(xs, 95))}` : '-');
    log(
      `  ${name.padEnd(38)} ${pair(mine).padStart(20)} ${pair(mineDeep).padStart(18)}  ${worstQuery.query} (${fmt(worstQuery.p95)})`,
    );
    if (DETAIL) for (const line of details) log(line);
  }
  log(
    `  all lists: first page p50 ${fmt(pct(first, 50))} ms, p95 ${fmt(pct(first, 95))} ms; ` +
      `page ${DEEP_PAGE} p50 ${fmt(pct(deep, 50))} ms, p95 ${fmt(pct(deep, 95))} ms (target p95 ≤ 50)`,
  );
}

async function counts(store: SqlStore, log: Log) {
  const all: number[] = [];
  const parts: string[] = [];
  for (const [name, viewer] of Object.entries(viewers)) {
    const samples: number[] = [];
    for (let s = 0; s < SAMPLES * 2; s++) {
      const who = viewer();
      try {
        await time(samples, () => store.folderCounts(who));
      } catch {
        samples.pop();
        break;
      }
    }
    all.push(...samples);
    if (samples.length) parts.push(`${name} ${fmt(pct(samples, 95))}`);
  }
  log(
    `  folder counts: p50 ${fmt(pct(all, 50))} ms, p95 ${fmt(pct(all, 95))} ms (target ≤ 50); p95 by viewer: ${parts.join(', ')}`,
  );
  await rollupBaseline(store, log);
  await treeBaseline(store, log);
}

/**
 * The same run's baseline for a region's coordinator and moderator: the read before
 * migration 018 (their organisations' `folder_counts` rows, a scan of the table), beside the
 * `tree_rollups` read the store now makes, taking turns, each viewer in a random region.
 */
async function treeBaseline(store: SqlStore, log: Log) {
  const regionWide = Object.entries(viewers).filter(([name]) => name.includes('of a region'));
  for (const [name, viewer] of regionWide) {
    const before: number[] = [];
    const after: number[] = [];
    for (let s = 0; s < SAMPLES * 2; s++) {
      const who = viewer();
      const scope = viewScopeOf(who, scaleDirectory);
      const orgWide = orgScope(scope, onFolderCounts);
      if (!orgWide) throw new Error(`${name} has no organisation-wide scope`);
      await time(before, () =>
        sql`SELECT folder, sum(n)::integer AS n FROM folder_counts WHERE ${orgWide}
          GROUP BY folder`.execute(store.db),
      );
      await time(after, () => store.folderCounts(who));
    }
    const pair = (xs: number[]) => `${fmt(pct(xs, 50))}/${fmt(pct(xs, 95))}`;
    log(
      `  ${name} p50/p95: ${pair(before)} ms from folder_counts (before 018), ${pair(after)} ms from tree_rollups`,
    );
  }
}

/**
 * The same run's baseline for the platform-wide counts: the read before migration 016 (a sum
 * of every `folder_counts` row), beside the roll-up read the store now makes, taking turns.
 */
async function rollupBaseline(store: SqlStore, log: Log) {
  const rows = async (table: string) => {
    const { rows: r } = await sql<{ n: number }>`
      SELECT count(*)::integer AS n FROM ${sql.table(table)}`.execute(store.db);
    return r[0]?.n ?? 0;
  };
  const platform: Principal = { id: 'v', roles: [{ role: 'moderator' }] };
  const before: number[] = [];
  const after: number[] = [];
  for (let s = 0; s < SAMPLES * 2; s++) {
    await time(before, () =>
      sql`SELECT folder, sum(n)::integer AS n FROM folder_counts GROUP BY folder`.execute(store.db),
    );
    await time(after, () => store.folderCounts(platform));
  }
  const pair = (xs: number[]) => `${fmt(pct(xs, 50))}/${fmt(pct(xs, 95))}`;
  log(
    `  platform moderator p50/p95: ${pair(before)} ms summing ${(await rows('folder_counts')).toLocaleString('en')} folder_counts rows (before 016), ` +
      `${pair(after)} ms from ${(await rows('folder_rollups')).toLocaleString('en')} folder_rollups rows`,
  );
}

/** Claims 1,000 due timers, seven times, then gives them back; the claim times in ms. */
async function claimSamples(db: SqlStore['db'], samples: number[]) {
  const now = refNowPlus(3 * DAY);
  const claimed = await time(samples, () =>
    claimTimers(db, claimSettings({ now, limit: 1000, workerId: 'scale-bench' })),
  );
  if (claimed.length === 0) throw new Error('no due timer to claim');
  await sql`UPDATE timers SET available_at = fire_at, attempts = attempts - 1, locked_by = NULL
    WHERE locked_by = 'scale-bench'`.execute(db);
}

/**
 * Timer claims here and, interleaved in the same run, in the schemas of `others` (smaller
 * fills): the claim must cost the same whatever the total.
 */
async function timers(dbs: Array<{ label: string; db: SqlStore['db'] }>, log: Log) {
  const samples = dbs.map(() => [] as number[]);
  for (let rep = 0; rep < 9; rep++) {
    for (const [n, { db }] of dbs.entries()) await claimSamples(db, samples[n] ?? []);
  }
  for (const [n, { label, db }] of dbs.entries()) {
    const { rows } = await sql<{ total: number; due: number }>`SELECT count(*)::int AS total,
      count(*) FILTER (WHERE fire_at <= ${refNowPlus(3 * DAY)})::int AS due FROM timers`.execute(
      db,
    );
    const mine = samples[n] ?? [];
    log(
      `  ${label}: claim 1,000 due timers among ${rows[0]?.total.toLocaleString('en')} ` +
        `(${rows[0]?.due.toLocaleString('en')} due): median ${fmt(pct(mine, 50))} ms, min ${fmt(Math.min(...mine))} ms`,
    );
  }
}

/**
 * Every measurement over the filled schema (`db`); `others` are smaller fills whose timer
 * claims are measured beside it.
 */
export async function measure(
  db: SqlStore['db'],
  size: number,
  log: Log,
  others: Array<{ label: string; db: SqlStore['db'] }> = [],
  parts: ReadonlySet<string> = new Set(['lists', 'counts', 'timers', 'export']),
) {
  const store = await createSqlStore({ db, directory: scaleDirectory, migrate: false });
  if (parts.has('lists')) {
    log(
      `\nlists over ${size.toLocaleString('en')} messages, ${SAMPLES} samples per viewer and query`,
    );
    await lists(store, log);
  }
  if (parts.has('counts')) {
    log('\nfolder counts');
    await counts(store, log);
  }
  if (parts.has('timers')) {
    log('\ntimer claims');
    await timers([{ label: `${size.toLocaleString('en')} messages`, db }, ...others], log);
  }
  if (parts.has('analytics')) {
    log('\nSLA dashboards');
    await analytics(store, log);
  }
  if (parts.has('export')) {
    log('\nexport');
    await measureExport(store, Math.min(size, 1_000_000), log);
  }
}
