/**
 * End to end over HTTP: the reshaem app (`createHttpApp` over the SQL store) served by
 * `serve()` on loopback, loaded from separate processes whose users play whole message
 * lives (submit, accept, assign, take, answer, approve, rate) with `If-Match` and each
 * role's own signed token, which the app verifies as an OpenID Connect access token.
 * Beside it, in the same run and loaded the same way, a bare Hono route on the same
 * database doing by hand what one event needs (bench/e2e/bare-app.ts).
 *
 * Two modes: closed loop (as fast as the users can go: events/s, p50/p99, server CPU per
 * event, the ratio) and open loop (a fixed offered load, E2E_RATE events/s: p50/p99; when
 * the bare route cannot carry that rate, also at half of what it carried closed-loop).
 * Each figure is the median of E2E_ROUNDS runs, the sides taking turns (each round starting
 * with the next side); ratios are also given paired, round by round.
 *
 * On PostgreSQL (DATABASE_URL; node-postgres pools of E2E_POOL connections, a fresh schema
 * dropped afterwards) and on PGlite (the embedded default: the app and its baseline each on
 * an in-memory PGlite of their own, inside the server process, whose CPU figure therefore
 * includes the database's).
 *
 *   DATABASE_URL=postgres://… npm run bench:e2e
 *   E2E_TARGET=pglite npm run bench:e2e
 *   knobs: E2E_TARGET (postgres | pglite | both, default both when DATABASE_URL is set),
 *          E2E_SECONDS (5), E2E_ROUNDS (5), E2E_PROCESSES (2), E2E_CLIENTS (8), E2E_RATE (1000),
 *          E2E_POOL (10), E2E_SIDES (bare,reshaem; add uncached), E2E_MODES (closed,open)
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import {
  createPgliteKysely,
  createPostgresKysely,
  createSqlStore,
  migrate,
} from '@reshaem/adapters-sql';
import type { MessageStore } from '@reshaem/core';
import { createDemoDirectory } from '@reshaem/core/testing';
import type { Hono } from 'hono';
import pg from 'pg';
import { createHttpApp } from '../packages/adapters-http/src/index.js';
import { bareApp } from './e2e/bare-app.js';
import { bareOnPglite, bareOnPostgres } from './e2e/bare-db.js';
import { type LoadOrders, type Measured, measure, median } from './e2e/load.js';
import { type Issuer, startIssuer } from './e2e/tokens.js';
import { listen } from './http-served.js';

/** The bench's knobs (environment variables; the bench is no turbo task). */
const knob = (name: string): string | undefined => process.env[name];
const env = (name: string, fallback: number) => Number(knob(name) ?? fallback);
const url = knob('DATABASE_URL');
const TARGET = knob('E2E_TARGET') ?? (url ? 'both' : 'pglite');
const SECONDS = env('E2E_SECONDS', 5);
const ROUNDS = env('E2E_ROUNDS', 5);
const PROCESSES = env('E2E_PROCESSES', 2);
const CLIENTS = env('E2E_CLIENTS', 8);
const RATE = env('E2E_RATE', 1000);
const POOL = env('E2E_POOL', 10);
/**
 * Which sides and modes to measure (one side alone, e.g. to profile it with --cpu-prof).
 * The sides: `bare`, `reshaem`, and `uncached` (reshaem with `verifiedTokenCacheSize: 0` and
 * `cachedMessages: 0`: what the two caches buy, in the same run).
 */
type Side = 'bare' | 'reshaem' | 'uncached';
const SIDES = (knob('E2E_SIDES') ?? 'bare,reshaem').split(',') as Side[];
const MODES = (knob('E2E_MODES') ?? 'closed,open').split(',');

const directory = createDemoDirectory();
const log = (line = '') => console.log(line);
const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);

function reshaemApp(store: MessageStore, issuer: Issuer, cached = true) {
  return createHttpApp({
    store,
    authenticate: issuer.authenticate(directory, cached ? {} : { verifiedTokenCacheSize: 0 }),
    onUnexpectedError: (error) => console.error(error),
  });
}

const line = (name: string, m: Measured) =>
  `  ${name.padEnd(8)} ${f0(m.eventsPerSecond).padStart(6)} events/s   p50 ${f1(m.p50).padStart(5)} ms` +
  `   p99 ${f1(m.p99).padStart(6)} ms   server CPU ${f0(m.cpuMicros).padStart(4)} µs/event` +
  ` (busy ${(m.busy * 100).toFixed(0)} %)` +
  (m.dropped > 0 ? `; saturated: ${m.dropped} offered requests not sent, p99 a lower bound` : '');

const byP99 = (of: Measured[]) =>
  [...of].sort((a, b) => a.p99 - b.p99)[Math.floor(of.length / 2)] as Measured;

/** Every side's runs, ROUNDS of them in turns (each round starting with the next side). */
async function rounds(
  ports: Partial<Record<Side, number>>,
  tokens: Record<string, string>,
  orders: LoadOrders,
): Promise<Map<Side, Measured[]>> {
  const sides = SIDES.filter((side) => ports[side] !== undefined);
  const runs = new Map<Side, Measured[]>(sides.map((side) => [side, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    const figures: string[] = [];
    const order = sides.map((_, i) => sides[(i + round) % sides.length] as Side);
    for (const side of order) {
      const m = await measure(ports[side] as number, tokens, orders);
      runs.get(side)?.push(m);
      figures.push(`${side} ${f0(m.eventsPerSecond)}/s ${f0(m.cpuMicros)} µs p99 ${f1(m.p99)} ms`);
    }
    log(`    ${orders.mode} round ${round + 1}: ${figures.join(', ')}`);
  }
  return runs;
}

const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * The median, over the rounds, of `of`'s figure against `to`'s in the same round (with the
 * range): on a shared machine whose load moves between rounds, a paired ratio holds
 * better than a ratio of medians.
 */
function paired(runs: Map<Side, Measured[]>, of: Side, to: Side, figure: (m: Measured) => number) {
  const a = runs.get(of) ?? [];
  const b = runs.get(to) ?? [];
  const ratios = a.map((m, i) => figure(m) / figure(b[i] as Measured));
  return `${middle(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}

type Served = { port: number; close: () => void };

/** Prints each side's median run (by `pick`), then the ratios. */
function report(
  runs: Map<Side, Measured[]>,
  pick: (runs: Measured[]) => Measured,
  closedLoop: boolean,
): Partial<Record<Side, Measured>> {
  const measured: Partial<Record<Side, Measured>> = {};
  for (const side of SIDES) {
    const of = runs.get(side);
    if (!of) continue;
    measured[side] = pick(of);
    log(line(side, measured[side]));
  }
  const { bare: b, reshaem: r, uncached: u } = measured;
  const rate = (m: Measured) => m.eventsPerSecond;
  const cpu = (m: Measured) => m.cpuMicros;
  if (closedLoop && b && r) {
    log(
      `  ratio ${(r.eventsPerSecond / b.eventsPerSecond).toFixed(2)} (medians; target ≥ 0.6),` +
        ` paired per round ${paired(runs, 'reshaem', 'bare', rate)};` +
        ` CPU per event ${paired(runs, 'reshaem', 'bare', cpu)} × bare, paired`,
    );
    log(
      `  ≥ 2,000 events/s: ${r.eventsPerSecond >= 2000 ? 'met' : 'not met'}` +
        ` (bare ${b.eventsPerSecond >= 2000 ? 'reaches' : 'does not reach'} it)`,
    );
  }
  if (closedLoop && u && r) {
    log(
      `  the caches, paired per round: ${paired(runs, 'reshaem', 'uncached', rate)} × the events/s,` +
        ` ${paired(runs, 'reshaem', 'uncached', cpu)} × the CPU per event of reshaem without them`,
    );
  }
  return measured;
}

/** The apps (the bare route among them), served side by side, measured in turns. */
async function compare(apps: Partial<Record<Side, { fetch: Hono['fetch'] }>>, issuer: Issuer) {
  const servers: Partial<Record<Side, Served>> = {};
  for (const side of SIDES) {
    const app = apps[side];
    if (app) servers[side] = await listen(app);
  }
  const ports = Object.fromEntries(SIDES.map((side) => [side, servers[side]?.port]));
  const { tokens } = issuer;
  try {
    const closed: LoadOrders = {
      mode: 'closed',
      seconds: SECONDS,
      processes: PROCESSES,
      clients: CLIENTS,
    };
    for (const side of SIDES) {
      const served = servers[side];
      if (served) await measure(served.port, tokens, { ...closed, seconds: 2 });
    }
    let bareClosed: Measured | undefined;
    if (MODES.includes('closed')) {
      const runs = await rounds(ports, tokens, closed);
      log(
        `\n  closed loop, ${CLIENTS} users in ${PROCESSES} processes, median of ${ROUNDS} × ${SECONDS} s:`,
      );
      bareClosed = report(runs, median, true).bare;
    }
    if (MODES.includes('open')) {
      // The target's load, and, when the bare route cannot carry it, half of what the bare
      // route carried closed-loop: a load both sides can be compared at.
      const rates = [RATE];
      if (bareClosed && bareClosed.eventsPerSecond < RATE) {
        rates.push(Math.max(10, Math.round(bareClosed.eventsPerSecond / 2 / 10) * 10));
      }
      for (const rate of rates) {
        // Enough sockets that the offered load is never held back by the client's pool.
        const open: LoadOrders = { ...closed, mode: 'open', rate, clients: Math.max(CLIENTS, 64) };
        const runs = await rounds(ports, tokens, open);
        log(`\n  open loop, ${rate} events/s offered, median p99 of ${ROUNDS} × ${SECONDS} s:`);
        const { bare: b, reshaem: r } = report(runs, byP99, false);
        if (b && r) {
          log(
            `  p99 ≤ 50 ms at ${rate}/s: ${r.p99 <= 50 ? 'met' : 'not met'}` +
              ` (bare ${b.p99 <= 50 ? 'meets' : 'does not meet'} it)`,
          );
        }
      }
    }
  } finally {
    for (const served of Object.values(servers)) served.close();
  }
}

async function onPostgres(issuer: Issuer) {
  if (!url) throw new Error('set DATABASE_URL to a PostgreSQL database the bench may use');
  const schema = `reshaem_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = createPostgresKysely({ connectionString: url, searchPath: schema, max: POOL });
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL,
    options: `-c search_path=${schema}`,
  });
  try {
    const version = await admin.query<{ v: string }>('SELECT version() AS v');
    log(`\n── PostgreSQL: ${version.rows[0]?.v.split(',')[0]}, schema ${schema}, pools of ${POOL}`);
    await migrate(db);
    const store = await createSqlStore({ db, directory });
    const uncached = await createSqlStore({ db, directory, cachedMessages: 0 });
    await compare(
      {
        bare: bareApp(bareOnPostgres(pool)),
        reshaem: reshaemApp(store, issuer),
        uncached: reshaemApp(uncached, issuer, false),
      },
      issuer,
    );
  } finally {
    await pool.end();
    await db.destroy();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

async function onPglite(issuer: Issuer) {
  log(
    '\n── PGlite, in memory: the app and the bare route on one PGlite each, in the server process',
  );
  const store = await createSqlStore({ directory });
  const uncached = SIDES.includes('uncached')
    ? await createSqlStore({ directory, cachedMessages: 0 })
    : undefined;
  const pglite = await PGlite.create();
  const bareDb = createPgliteKysely({ pglite });
  try {
    await migrate(bareDb);
    await compare(
      {
        bare: bareApp(bareOnPglite(pglite)),
        reshaem: reshaemApp(store, issuer),
        ...(uncached ? { uncached: reshaemApp(uncached, issuer, false) } : {}),
      },
      issuer,
    );
  } finally {
    await store.close();
    await uncached?.close();
    await bareDb.destroy();
    await pglite.close();
  }
}

const issuer = await startIssuer();
try {
  log(
    `reshaem end to end over HTTP — Node ${process.version}, ${CLIENTS} users in ${PROCESSES} load processes`,
  );
  if (TARGET === 'postgres' || TARGET === 'both') await onPostgres(issuer);
  if (TARGET === 'pglite' || TARGET === 'both') await onPglite(issuer);
} finally {
  await issuer.close();
}
