/**
 * The write path of folder-moving writes, paired across versions of the SQL store: each
 * side is a copy of `@reshaem/adapters-sql` (its `src/index.ts`), loaded into this one
 * process and given a schema of its own; the sides take turns in short bursts, the order
 * rotating each round, so every side meets the same machine. Each of CLIENTS clients submits
 * a message to a random one of the bench world's 8,769 institutions and rejects it: two
 * writes that both move a folder count, on `folder_counts` rows that are spread and on
 * whatever the store shares between all writers (since 016, the `folder_rollups` rows).
 *
 *   DATABASE_URL=postgres://… ROLLUP_SIDES=before=/tmp/before/packages/adapters-sql/src/index.ts,now=packages/adapters-sql/src/index.ts \
 *     npx tsx --conditions=@reshaem/source bench/rollup-writes.ts
 *
 * A side's copy is a checkout of the commit to compare (`git archive <commit> | tar -x -C
 * /tmp/before`) whose `node_modules` links to this one's but for `@reshaem/*`, which must
 * point into the copy. Knobs: ROLLUP_SIDES (default: this checkout only), CLIENTS (8),
 * BURST seconds (4), ROUNDS (9). Figures in docs/benchmarks.md.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { directory, knob, moderator, organisations, potholeSubmit, url } from './sql/world.js';

type AdaptersSql = typeof import('@reshaem/adapters-sql');
type Store = Awaited<ReturnType<AdaptersSql['createSqlStore']>>;

const CLIENTS = Number(knob('CLIENTS') ?? 8);
const BURST_MS = Number(knob('BURST') ?? 4) * 1000;
const ROUNDS = Number(knob('ROUNDS') ?? 9);
const sides = (knob('ROLLUP_SIDES') ?? 'now=packages/adapters-sql/src/index.ts')
  .split(',')
  .map((pair) => {
    const [label = '', path = ''] = pair.split('=');
    return { label, path: resolve(path) };
  });
const institutions = organisations.filter((o) => /-s\d+$/.test(o.id)).map((o) => o.id);
const run = randomBytes(3).toString('hex');
let seq = 0;

/** One message's two writes: submitted to a random institution, then rejected. */
async function life(store: Store) {
  const id = `rw-${run}-${seq++}`;
  const orgId = institutions[Math.floor(Math.random() * institutions.length)] as string;
  const submitted = await store.submit(potholeSubmit(id, orgId));
  if (!submitted.ok) throw new Error(submitted.error.message);
  const rejected = await store.send(id, {
    type: 'moderation.reject',
    at: new Date().toISOString(),
    by: moderator,
    reason: 'Нет сути обращения',
  });
  if (!rejected.ok) throw new Error(rejected.error.message);
}

/** Writes per second of one burst. */
async function burst(store: Store) {
  let writes = 0;
  const until = performance.now() + BURST_MS;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        await life(store);
        writes += 2;
      }
    }),
  );
  return writes / ((performance.now() - t0) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const opened: Array<{ schema: string; store: Store; destroy: () => Promise<void> }> = [];
try {
  for (const side of sides) {
    const adapters = (await import(side.path)) as AdaptersSql;
    const schema = `rollup_writes_${side.label}_${run}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    const db = adapters.createPostgresKysely({
      connectionString: url ?? '',
      searchPath: schema,
      max: CLIENTS,
    });
    await adapters.migrate(db);
    const store = await adapters.createSqlStore({ db, directory });
    opened.push({ schema, store, destroy: () => db.destroy() });
  }
  for (const { store } of opened) await burst(store); // warm-up
  const got = opened.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    const line: string[] = [];
    for (let k = 0; k < opened.length; k++) {
      const i = (k + round) % opened.length;
      const rate = await burst((opened[i] as (typeof opened)[number]).store);
      got[i]?.push(rate);
      line.push(`${sides[i]?.label} ${rate.toFixed(0)}`);
    }
    console.log(
      `round ${round + 1}: ${line.join(', ')} writes/s (load ${loadavg()[0]?.toFixed(1)})`,
    );
  }
  const first = got[0] ?? [];
  sides.forEach((side, i) => {
    const rates = got[i] ?? [];
    const ratios = rates.map((r, n) => r / (first[n] ?? NaN));
    console.log(
      `${side.label}: median ${median(rates).toFixed(0)} writes/s; paired with ${sides[0]?.label}: ` +
        `median ${median(ratios).toFixed(2)} (${ratios.map((r) => r.toFixed(2)).join(' ')})`,
    );
  });
} finally {
  for (const { schema, destroy } of opened) {
    await destroy();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  }
  await admin.end();
}
