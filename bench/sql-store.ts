/**
 * The SQL store on PostgreSQL, in one run:
 *   1. events/s through the store with 8 concurrent clients, next to the bare SQL each event
 *      needs (version-checked UPDATE + history INSERT in one transaction, same driver);
 *   2. list and folder-count latency (p50/p95) over 1,000,000 messages;
 *   3. the time to claim 1,000 due timers among 10k, 100k and 1M.
 *
 *   DATABASE_URL=postgres://… npx tsx --conditions=@reshaem/source bench/sql-store.ts
 *
 * Works in a schema of its own (dropped at the end) of the database DATABASE_URL names.
 * MESSAGES=200000 seeds fewer messages for a quick look; BENCH_SCHEMA=name keeps the
 * schema (and reuses its messages on the next run) for EXPLAIN-ing queries by hand.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  createPostgresKysely,
  createSqlStore,
  migrate,
  type SqlStore,
} from '@reshaem/adapters-sql';
import {
  claimSettings,
  createDirectory,
  type MessageQueryInput,
  type OrganisationInput,
  type Principal,
  type SubmitEventInput,
  startMessage,
} from '@reshaem/core';
import { demoCatalogue } from '@reshaem/core/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { claimTimers } from '../packages/adapters-sql/src/store/timer-worker.js';

/** The bench's knobs (environment variables; the bench is no turbo task). */
const knob = (name: string): string | undefined => process.env[name];

const url = knob('DATABASE_URL');
if (!url) {
  console.error('set DATABASE_URL to a PostgreSQL database the bench may create a schema in');
  process.exit(2);
}
const TOTAL = Number(knob('MESSAGES') ?? 1_000_000);
const CLIENTS = 8;
const WRITE_SECONDS = Number(knob('WRITE_SECONDS') ?? 10);
const SAMPLES = 60;
const kept = knob('BENCH_SCHEMA');
const schema = kept ?? `reshaem_bench_${randomBytes(4).toString('hex')}`;
const run = randomBytes(3).toString('hex');

// ---------------------------------------------------------------- a national-shaped world
const regionCodes = Array.from({ length: 79 }, (_, i) => String(i + 1).padStart(2, '0'));
const organisations: OrganisationInput[] = regionCodes.flatMap((rc) => [
  { id: `r${rc}`, name: `Правительство региона ${rc}`, regionCode: rc, coordinatesRegion: true },
  ...Array.from({ length: 10 }, (_, m) => [
    {
      id: `r${rc}-m${m}`,
      name: `Министерство ${m} региона ${rc}`,
      parentId: `r${rc}`,
      regionCode: rc,
    },
    ...Array.from({ length: 10 }, (_, s) => ({
      id: `r${rc}-m${m}-s${s}`,
      name: `Учреждение ${s} министерства ${m} региона ${rc}`,
      parentId: `r${rc}-m${m}`,
      regionCode: rc,
    })),
  ]).flat(),
]);
const orgIds = organisations.map((o) => o.id);
const writeOrgs = orgIds.filter((id) => id.endsWith('-s0')).slice(0, 16);
const applicant: Principal = { id: 'app-bench', roles: [{ role: 'applicant' }] };
const moderator: Principal = { id: 'mod-all', roles: [{ role: 'moderator' }] };
const registrar: Principal = {
  id: 'coord-bench',
  roles: writeOrgs.map((orgId) => ({ role: 'coordinator', orgId })),
};
const directory = createDirectory({
  organisations,
  users: [applicant, moderator, registrar],
  catalogue: demoCatalogue,
});

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const log = (line = '') => console.log(line);

// ---------------------------------------------------------------- seeding, on the server
const phrases = [
  'Глубокая яма на проезжей части у дома',
  'Не убран снег во дворе',
  'Очередь в поликлинике на три недели',
  'Плохое питание в школе',
  'Не работает уличное освещение',
  'Разбитая дорога на улице',
  'Мусор не вывозят неделю',
  'Нет горячей воды в доме',
];
const subcategories = [
  ['roads', 'potholes', 'pothole-street', true],
  ['roads', 'potholes', 'pothole-yard', true],
  ['roads', 'road-repair', null, false],
  ['education', 'school-food', null, true],
  ['health', 'clinic-queue', null, false],
] as const;

/** ISO instants as the core writes them, for the seeded snapshots. */
const isoFunction = sql`CREATE FUNCTION iso(t timestamptz) RETURNS text IMMUTABLE LANGUAGE sql
  AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`;

async function seedMessages(db: SqlStore['db'], total: number) {
  const template = startMessage(
    {
      type: 'submit',
      at: '2025-01-01T00:00:00Z',
      by: applicant,
      messageId: 'template',
      number: '0',
      channel: 'epgu_form',
      orgId: 'r01',
      regionCode: '01',
      applicant: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' },
      text: phrases[0] as string,
      categoryId: 'roads',
      subcategoryId: 'potholes',
    },
    directory,
  );
  if (!template.ok) throw new Error(template.error.message);
  await sql`DROP FUNCTION IF EXISTS iso(timestamptz)`.execute(db);
  await isoFunction.execute(db);
  const subs = subcategories.map((s) => s.map((v) => v ?? '').join('|'));
  const lowered = phrases.map((p) => p.toLocaleLowerCase('ru'));
  // The newest fifth is still being worked on; older messages are closed.
  const active = Math.floor(total / 5);
  const chunk = 100_000;
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1);
    await sql`
      WITH base AS (
        SELECT i, random() AS r1, random() AS r2, random() AS r3,
          (${orgIds}::text[])[1 + (i::bigint * 7919) % ${orgIds.length}] AS received,
          string_to_array((${subs}::text[])[1 + i % ${subs.length}], '|') AS sub,
          CASE WHEN i % 100 < 6 THEN 'operator' WHEN i % 100 < 46 THEN 'epgu_form'
            WHEN i % 100 < 66 THEN 'mobile_app' WHEN i % 100 < 76 THEN 'org_widget'
            WHEN i % 100 < 91 THEN 'epgu_widget' ELSE 'reshaem_app' END AS channel,
          timestamptz '2025-06-01T00:00:00Z' - i * interval '150 seconds' AS created
        FROM generate_series(${from}::integer, ${to}::integer) AS i
      ), shaped AS (
        SELECT *, substr(received, 2, 2) AS region,
          CASE WHEN r3 < 0.2 AND position('-' IN received) = 0
            THEN received || '-m' || (i % 10) ELSE received END AS holding,
          CASE
            WHEN i > ${active} THEN CASE WHEN r1 < 0.05 THEN 'rejected' ELSE 'completed' END
            WHEN r1 < 0.06 THEN 'moderation' WHEN r1 < 0.22 THEN 'coordination'
            WHEN r1 < 0.32 THEN 'executor_assigned' WHEN r1 < 0.52 THEN 'in_work'
            WHEN r1 < 0.58 THEN 'on_approval'
            WHEN channel = 'operator' THEN 'answer_ready' ELSE 'answer_sent' END AS status
        FROM base
      ), rows AS (
        SELECT *, 'b-' || i AS id, lpad(i::text, 10, '0') AS number,
          (${phrases}::text[])[1 + i % ${phrases.length}] || ' № ' || i AS text,
          (${lowered}::text[])[1 + i % ${phrases.length}] || ' № ' || i AS lower_text,
          CASE WHEN status = 'moderation' THEN 'new'
            WHEN status = 'coordination' AND r3 < 0.15 THEN 'returned_to_coordination'
            WHEN status = 'coordination' AND r3 < 0.2 THEN 'returned'
            WHEN status = 'coordination' THEN 'new'
            WHEN status IN ('executor_assigned', 'in_work') THEN 'in_work'
            WHEN status = 'on_approval' THEN 'on_approval' ELSE 'processed' END AS folder,
          CASE WHEN status IN ('moderation', 'coordination', 'rejected') THEN NULL
            ELSE holding || '-e' || (i % 5) END AS executor,
          CASE WHEN channel = 'operator' THEN NULL ELSE 'app-' || (i % 200000) END AS applicant,
          CASE WHEN status = 'moderation' THEN '-infinity'::timestamptz
            ELSE created + interval '1 hour' END AS registered,
          CASE WHEN status = 'moderation' THEN NULL ELSE created + interval '30 days' END AS due,
          created + r2 * interval '20 days' AS updated
        FROM shaped
      )
      INSERT INTO messages (id, version, status, folder, number, holding_org_id, received_org_id,
        executor_id, applicant_user_id, channel, category_id, subcategory_id, fact_id,
        region_code, fast_track, overdue, created_at, updated_at, registered_at,
        response_due_at, search_text, snapshot)
      SELECT id, 3, status, folder, number, holding, received, executor, applicant, channel,
        sub[1], sub[2], NULLIF(sub[3], ''), region, sub[4]::boolean, r1 < 0.05, created, updated,
        registered, due, lower_text, jsonb_build_object(
          'value', jsonb_build_object('status', status),
          'context', ${JSON.stringify(template.snapshot.context)}::jsonb || jsonb_build_object(
            'id', id, 'number', number, 'holdingOrgId', holding, 'receivedOrgId', received,
            'executorId', executor, 'channel', channel, 'text', text, 'categoryId', sub[1],
            'subcategoryId', sub[2], 'factId', NULLIF(sub[3], ''), 'fastTrack', sub[4]::boolean,
            'overdue', r1 < 0.05, 'regionCode', region,
            'arrivedBy', CASE folder WHEN 'returned_to_coordination' THEN 'returned'
              WHEN 'returned' THEN 're_review' ELSE 'submitted' END,
            'applicant', jsonb_build_object('kind', 'person', 'userId', applicant,
              'name', 'Заявитель ' || i, 'email', NULL, 'phone', NULL, 'residenceAddress', NULL),
            'createdAt', iso(created), 'updatedAt', iso(updated),
            'registeredAt', CASE WHEN status = 'moderation' THEN NULL ELSE iso(registered) END,
            'responseDueAt', CASE WHEN due IS NULL THEN NULL ELSE iso(due) END))
      FROM rows`.execute(db);
    process.stdout.write(`\r  seeded ${to.toLocaleString('en')} messages`);
  }
  log();
  await sql`INSERT INTO folder_counts (holding_org_id, received_org_id, operator_entered, folder, n)
    SELECT holding_org_id, received_org_id, channel = 'operator', folder, count(*)
    FROM messages GROUP BY 1, 2, 3, 4
    ON CONFLICT (holding_org_id, received_org_id, operator_entered, folder)
    DO UPDATE SET n = folder_counts.n + excluded.n`.execute(db);
  await sql`VACUUM ANALYZE messages`.execute(db);
  await sql`VACUUM ANALYZE folder_counts`.execute(db);
}

// ---------------------------------------------------------------- 1. writes
const registrationUpdate = (n: number) => ({
  type: 'registration.update',
  at: new Date().toISOString(),
  by: registrar,
  registrationNumber: `REG-${n}`,
});

/** Messages in coordination at the writers' organisations, `perClient` for each client. */
async function writeTargets(store: SqlStore, prefix: string, perClient: number) {
  const sets: string[][] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const ids: string[] = [];
      for (let k = 0; k < perClient; k++) {
        const id = `${prefix}-${c}-${k}`;
        const orgId = writeOrgs[(c * perClient + k) % writeOrgs.length] as string;
        const submit: SubmitEventInput = {
          type: 'submit',
          at: new Date().toISOString(),
          by: applicant,
          messageId: id,
          number: id,
          channel: 'epgu_form',
          orgId,
          regionCode: orgId.slice(1, 3),
          applicant: { name: 'Иванов Иван Иванович' },
          text: 'Глубокая яма на проезжей части у дома 5',
          categoryId: 'roads',
          subcategoryId: 'potholes',
          factId: 'pothole-street',
        };
        const created = await store.submit(submit);
        if (!created.ok) throw new Error(created.error.message);
        const at = new Date().toISOString();
        const accepted = await store.send(id, { type: 'moderation.accept', at, by: moderator });
        if (!accepted.ok) throw new Error(accepted.error.message);
        ids.push(id);
      }
      sets[c] = ids;
    }),
  );
  return sets;
}

/** Runs `write` from 8 concurrent clients for `seconds`; returns events per second. */
async function throughput(seconds: number, write: (client: number, n: number) => Promise<void>) {
  let events = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let n = 0; performance.now() < until; n++) {
        await write(c, n);
        events += 1;
      }
    }),
  );
  return events / (ms(t0) / 1000);
}

async function benchWrites(store: SqlStore, pool: pg.Pool) {
  const storeSets = await writeTargets(store, `w-store-${run}`, 100);
  const bareSets = await writeTargets(store, `w-bare-${run}`, 100);
  const viaStore = async (c: number, n: number) => {
    const result = await store.send(pick(storeSets[c] ?? []), registrationUpdate(n));
    if (!result.ok) throw new Error(result.error.message);
  };

  // The baseline: what any durable version-checked write of the same data costs.
  const bare = new Map<string, { version: number; snapshot: string; holding: string }>();
  for (const id of bareSets.flat()) {
    const m = await store.get(id);
    if (!m) throw new Error(`no ${id}`);
    bare.set(id, {
      version: m.version,
      snapshot: JSON.stringify(m.snapshot),
      holding: m.snapshot.context.holdingOrgId,
    });
  }
  /** One event as bare SQL: prepared (named) statements, or plain ones parsed every time. */
  const bareSql = (prepared: boolean) => async (c: number, n: number) => {
    const id = pick(bareSets[c] ?? []);
    const m = bare.get(id);
    if (!m) throw new Error(`no ${id}`);
    const at = new Date().toISOString();
    const record = { type: 'registration.update', at, by: { id: registrar.id }, n };
    const update = {
      text: `UPDATE messages SET snapshot = $1::jsonb, version = $2, updated_at = $3
        WHERE id = $4 AND version = $5`,
      values: [m.snapshot, m.version + 1, at, id, m.version],
    };
    const insert = {
      text: `INSERT INTO message_history
          (message_id, version, type, at, by_id, from_status, to_status, holding_org_id, record)
        VALUES ($1, $2, 'registration.update', $3, $4, 'coordination', 'coordination', $5, $6::jsonb)`,
      values: [id, m.version + 1, at, registrar.id, m.holding, JSON.stringify(record)],
    };
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const updated = await client.query(prepared ? { name: 'bare_update', ...update } : update);
      if (updated.rowCount !== 1) throw new Error('baseline lost a version check');
      await client.query(prepared ? { name: 'bare_insert', ...insert } : insert);
      await client.query('COMMIT');
      m.version += 1;
    } finally {
      client.release();
    }
  };

  await throughput(2, bareSql(true)); // warm-up
  await throughput(2, viaStore);
  const rounds: Array<{ store: number; prepared: number; plain: number }> = [];
  for (let round = 0; round < 2; round++) {
    const prepared = await throughput(WRITE_SECONDS / 2, bareSql(true));
    const plain = await throughput(WRITE_SECONDS / 2, bareSql(false));
    const storeRate = await throughput(WRITE_SECONDS / 2, viaStore);
    rounds.push({ store: storeRate, prepared, plain });
  }
  const mean = (k: 'store' | 'prepared' | 'plain') =>
    rounds.reduce((sum, r) => sum + r[k], 0) / rounds.length;
  const [storeRate, prepared, plain] = [mean('store'), mean('prepared'), mean('plain')];
  log(`  through the store (send: read, rules, one write statement):  ${fmt(storeRate)} events/s`);
  log(`  bare SQL, prepared (version-checked UPDATE + history INSERT): ${fmt(prepared)} events/s`);
  log(`  bare SQL, plain statements:                                   ${fmt(plain)} events/s`);
  log(
    `  ratio: ${(storeRate / prepared).toFixed(2)} to prepared bare SQL, ` +
      `${(storeRate / plain).toFixed(2)} to plain (target ≥ 0.6)`,
  );
}

// ---------------------------------------------------------------- 2. reads
const rc = () => pick(regionCodes);
const digit = () => Math.floor(Math.random() * 10);
const viewers: Record<string, () => Principal> = {
  'coordinator of a region (111 orgs)': () => ({
    id: 'v',
    roles: [{ role: 'coordinator', orgId: `r${rc()}` }],
  }),
  'coordinator of a ministry (11 orgs)': () => ({
    id: 'v',
    roles: [{ role: 'coordinator', orgId: `r${rc()}-m${digit()}` }],
  }),
  'coordinator of an institution': () => ({
    id: 'v',
    roles: [{ role: 'coordinator', orgId: `r${rc()}-m${digit()}-s${digit()}` }],
  }),
  'executor of a ministry': () => {
    const orgId = `r${rc()}-m${digit()}`;
    return { id: `${orgId}-e${digit() % 5}`, roles: [{ role: 'executor', orgId }] };
  },
  applicant: () => ({
    id: `app-${Math.floor(Math.random() * 200_000)}`,
    roles: [{ role: 'applicant' }],
  }),
  'operator (all phoned-in)': () => ({ id: 'op', roles: [{ role: 'operator' }] }),
  'moderator of a region': () => ({ id: 'v', roles: [{ role: 'moderator', orgId: `r${rc()}` }] }),
  'moderator, platform-wide': () => ({ id: 'v', roles: [{ role: 'moderator' }] }),
};
const queries: MessageQueryInput[] = [
  {},
  { folder: 'in_work', sort: 'updatedAt' },
  {
    statuses: ['moderation', 'coordination'],
    fastTrack: true,
    sort: 'registeredAt',
    direction: 'asc',
  },
  {
    categoryIds: ['health'],
    createdFrom: '2025-03-01T00:00:00Z',
    createdTo: '2025-03-31T23:59:59Z',
  },
];

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  samples.push(ms(t0));
  return result;
}

async function benchReads(store: SqlStore) {
  const all = { list: [] as number[], text: [] as number[], counts: [] as number[] };
  log(
    `  ${'viewer'.padEnd(38)} ${'list p50/p95'.padStart(14)} ${'3rd page'.padStart(14)} ${'text p50/p95'.padStart(14)} ${'counts p50/p95'.padStart(16)}  (ms)`,
  );
  for (const [name, viewer] of Object.entries(viewers)) {
    const list: number[] = [];
    const paged: number[] = [];
    const text: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const who = viewer();
      const query = queries[i % queries.length] ?? {};
      const first = await timed(list, () => store.list(who, query));
      if (i % queries.length === 0 && first.nextCursor) {
        const second = await store.list(who, { ...query, cursor: first.nextCursor });
        if (second.nextCursor) {
          const cursor = second.nextCursor;
          await timed(paged, () => store.list(who, { ...query, cursor }));
        }
      }
      if (i % 3 === 0) await timed(text, () => store.list(who, { text: 'ЯМА' }));
      await timed(counts, () => store.folderCounts(who));
    }
    all.list.push(...list, ...paged);
    all.text.push(...text);
    all.counts.push(...counts);
    const pair = (xs: number[]) => (xs.length ? `${fmt(pct(xs, 50))}/${fmt(pct(xs, 95))}` : '-');
    log(
      `  ${name.padEnd(38)} ${pair(list).padStart(14)} ${pair(paged).padStart(14)} ${pair(text).padStart(14)} ${pair(counts).padStart(16)}`,
    );
  }
  log(
    `  all list queries: p50 ${fmt(pct(all.list, 50))} ms, p95 ${fmt(pct(all.list, 95))} ms; ` +
      `folder counts: p50 ${fmt(pct(all.counts, 50))} ms, p95 ${fmt(pct(all.counts, 95))} ms ` +
      `(target p95 ≤ 50); text search: p50 ${fmt(pct(all.text, 50))} ms, p95 ${fmt(pct(all.text, 95))} ms`,
  );
}

// ---------------------------------------------------------------- 3. timers
async function benchTimers(db: SqlStore['db']) {
  const now = '2025-06-01T00:00:00.000Z';
  await sql`TRUNCATE timers`.execute(db);
  const timer = (message: string, at: string) => sql`jsonb_build_object('id', 'deadline.overdue',
    'messageId', ${sql.raw(message)}, 'fireAt', iso(${sql.raw(at)}),
    'event', jsonb_build_object('type', 'deadline.overdue'))`;
  await sql`INSERT INTO timers (message_id, id, fire_at, available_at, timer)
    SELECT 'due-' || i, 'deadline.overdue', t, t, ${timer("'due-' || i", 't')}
    FROM (SELECT i, timestamptz '2025-01-01' + i * interval '1 second' AS t
          FROM generate_series(1, 1000) AS i) due`.execute(db);
  let total = 1000;
  for (const target of [10_000, 100_000, 1_000_000]) {
    await sql`INSERT INTO timers (message_id, id, fire_at, available_at, timer)
      SELECT 'b-' || i, 'deadline.overdue', t, t, ${timer("'b-' || i", 't')}
      FROM (SELECT i, timestamptz '2025-07-01' + i * interval '1 minute' AS t
            FROM generate_series(${total - 999}::integer, ${target - 1000}::integer) AS i) later`.execute(
      db,
    );
    total = target;
    await sql`VACUUM ANALYZE timers`.execute(db);
    const samples: number[] = [];
    for (let rep = 0; rep < 7; rep++) {
      await sql`UPDATE timers SET available_at = fire_at, attempts = 0, locked_by = NULL
        WHERE message_id LIKE 'due-%'`.execute(db);
      const claimed = await timed(samples, () =>
        claimTimers(db, claimSettings({ now, limit: 1000, workerId: 'bench' })),
      );
      if (claimed.length !== 1000) throw new Error(`claimed ${claimed.length}, not 1000`);
    }
    log(
      `  claim 1,000 due among ${total.toLocaleString('en').padStart(9)} timers: ` +
        `median ${fmt(pct(samples, 50))} ms (min ${fmt(Math.min(...samples))})`,
    );
  }
}

// ---------------------------------------------------------------- run
async function main() {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const db = createPostgresKysely({
    connectionString: url ?? '',
    searchPath: schema,
    max: CLIENTS,
  });
  const pool = new pg.Pool({
    connectionString: url,
    max: CLIENTS,
    options: `-c search_path=${schema}`,
  });
  try {
    const version = await admin.query<{ v: string }>('SELECT version() AS v');
    log(`reshaem SQL store bench — ${version.rows[0]?.v.split(',')[0]}, schema ${schema}`);
    await migrate(db);
    const store = await createSqlStore({ db, directory });
    let t0 = performance.now();
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::integer AS n FROM messages WHERE id LIKE 'b-%'`.execute(db);
    if ((rows[0]?.n ?? 0) >= TOTAL) {
      log(`\nreusing the ${TOTAL.toLocaleString('en')} messages of schema ${schema}`);
    } else {
      log(`\nseeding ${TOTAL.toLocaleString('en')} messages (${orgIds.length} organisations)…`);
      await sql`TRUNCATE messages, message_history, folder_counts`.execute(db);
      await seedMessages(db, TOTAL);
      log(`  done in ${(ms(t0) / 1000).toFixed(1)} s`);
    }

    log(`\n1. writes: ${CLIENTS} concurrent clients, ${WRITE_SECONDS} s each way`);
    await benchWrites(store, pool);

    log(`\n2. reads over ${TOTAL.toLocaleString('en')} messages, ${SAMPLES} samples per viewer`);
    await benchReads(store);

    log('\n3. timers');
    t0 = performance.now();
    await benchTimers(db);
    log(`  (timer section ${(ms(t0) / 1000).toFixed(1)} s)`);
  } finally {
    await pool.end();
    await db.destroy();
    if (!kept) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

await main();
