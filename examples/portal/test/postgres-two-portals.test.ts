import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPostgresKysely,
  createSqlStore,
  loadDirectory,
  type SqlStore,
} from '@reshaem/adapters-sql';
import { createDemoDirectory, demoUsers } from '@reshaem/core/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleScript,
  exited,
  printed,
  spawnProcess,
} from '../../../packages/adapters-sql/test/processes/spawn.js';
import { operatorSubmit } from '../../../packages/core/test/helpers.js';
import { createAccounts } from '../src/auth/accounts.js';
import { portalDirectoryInput } from '../src/seed/onf-world.js';

/*
 * Two portal processes (`npm start`, bundled) on one PostgreSQL schema, each with its
 * worker ticking every 100 ms and posting performed outbox entries to one loopback sink.
 * Clients write the same messages through both portals at once with `If-Match`, while both
 * workers fire the deadline timers of those messages (written with instants 40 days ago, so
 * due at once) and both submit new messages that take numbers from one counter row.
 * Afterwards: every accepted write is the history line of the version it answered, versions
 * run 1..n, each due timer fired once, each outbox entry reached the sink once, and the
 * numbers handed out have no gap and no repeat.
 */
const databaseUrl = process.env.DATABASE_URL;
const portalDir = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'two-portals-test';
const MESSAGES = 12;
const CLIENTS_PER_PORTAL = 4;
const WRITES_PER_CLIENT = 25;
const SUBMITS_PER_PORTAL = 10;
const DAY = 86_400_000;

interface Accepted {
  id: string;
  version: number;
  registrationNumber: string;
}

/** A loopback notification service: counts each outbox entry id it receives. */
async function startSink() {
  const received = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const { id } = JSON.parse(body) as { id: string };
      received.set(id, (received.get(id) ?? 0) + 1);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/outbox`, received, server };
}

describe.skipIf(!databaseUrl)('two portal processes on one PostgreSQL', () => {
  const schema = `reshaem_t_portals_${randomBytes(4).toString('hex')}`;
  const portals: ChildProcess[] = [];
  const output: string[][] = [];
  let sink: Awaited<ReturnType<typeof startSink>>;
  let db: ReturnType<typeof createPostgresKysely>;
  let store: SqlStore;
  let admin: pg.Client;

  const start = async (bundle: string, n: number) => {
    const child = spawnProcess(
      bundle,
      {
        PORT: '0',
        HOST: '127.0.0.1',
        RESHAEM_DATABASE_URL: databaseUrl ?? '',
        RESHAEM_DATABASE_SCHEMA: schema,
        RESHAEM_DEMO: '0',
        RESHAEM_TOKEN_SECRET: SECRET,
        RESHAEM_WORKER_INTERVAL_MS: '100',
        RESHAEM_OUTBOX_WEBHOOK: sink.url,
      },
      portalDir,
    );
    portals.push(child);
    const lines: string[] = [];
    output[n] = lines;
    child.stdout?.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
    const ready = await printed(child, '  Ready in ');
    return `http://127.0.0.1:${Number(/listening on port (\d+)/.exec(ready)?.[1])}/api`;
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    sink = await startSink();
  });
  afterAll(async () => {
    for (const child of portals) child.kill('SIGKILL');
    await Promise.all(portals.map(exited));
    await db?.destroy();
    sink?.server.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('loses no update, fires each timer once and delivers each outbox entry once', async () => {
    const bundle = await bundleScript(join(portalDir, 'src/main.ts'), {
      name: 'portal',
      tsconfig: join(portalDir, 'tsconfig.json'),
    });
    // Both start at once: one saves the directory, the other waits for it and loads it.
    const bases = await Promise.all([start(bundle, 0), start(bundle, 1)]);

    db = createPostgresKysely({ connectionString: databaseUrl ?? '', searchPath: schema, max: 4 });
    store = await createSqlStore({ db, directory: await loadDirectory(db), migrate: false });
    expect(store.directory.organisations.length).toBe(portalDirectoryInput.organisations.length);

    // Phoned-in messages 40 days old: their 10-day deadline's warning and breach are due.
    // Half are there before the load, half arrive during it, for whichever worker ticks next.
    const old = new Date(Date.now() - 40 * DAY).toISOString();
    const ids = Array.from({ length: MESSAGES }, (_, k) => `two-${k}`);
    const oldMessage = async (id: string) => {
      const created = await store.submit(operatorSubmit({ messageId: id, number: id, at: old }));
      expect(created.ok).toBe(true);
    };
    for (const id of ids.slice(0, MESSAGES / 2)) await oldMessage(id);
    const latecomers = async () => {
      for (const id of ids.slice(MESSAGES / 2)) {
        await new Promise((r) => setTimeout(r, 150));
        await oldMessage(id);
      }
    };

    const accounts = createAccounts(createDemoDirectory(), SECRET);
    const coordinator = accounts.tokenOf(demoUsers.coordinatorUlyRoads.id);
    const operator = accounts.tokenOf(demoUsers.operator.id);
    const accepted: Accepted[] = [];
    let conflicts = 0;

    const client = async (base: string, c: number) => {
      for (let n = 0; n < WRITES_PER_CLIENT; n++) {
        const id = ids[(c * 7 + n) % (MESSAGES / 2)] as string;
        const headers = { authorization: `Bearer ${coordinator}` };
        const read = await fetch(`${base}/messages/${id}`, { headers });
        expect(read.status).toBe(200);
        await read.body?.cancel();
        const etag = read.headers.get('etag') ?? '';
        const registrationNumber = `РН-${c}-${n}`;
        const write = await fetch(`${base}/messages/${id}/events`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'if-match': etag },
          body: JSON.stringify({ type: 'registration.update', registrationNumber }),
        });
        await write.body?.cancel();
        if (write.status === 412) conflicts += 1;
        else {
          expect(write.status).toBe(200);
          const version = Number(JSON.parse(write.headers.get('etag') ?? '0'));
          accepted.push({ id, version, registrationNumber });
        }
      }
    };
    const submits = async (base: string) => {
      for (let n = 0; n < SUBMITS_PER_PORTAL; n++) {
        const { type, at, by, number, messageId, ...fields } = operatorSubmit();
        const response = await fetch(`${base}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
          body: JSON.stringify(fields),
        });
        expect(response.status).toBe(201);
        await response.body?.cancel();
      }
    };
    await Promise.all([
      latecomers(),
      ...bases.flatMap((base, p) => [
        submits(base),
        ...Array.from({ length: CLIENTS_PER_PORTAL }, (_, c) => client(base, p * 10 + c)),
      ]),
    ]);
    expect(accepted.length + conflicts).toBe(2 * CLIENTS_PER_PORTAL * WRITES_PER_CLIENT);
    expect(accepted.length).toBeGreaterThan(0);

    // The workers finish: no timer due, no outbox entry pending.
    const settled = async () => {
      const { rows } = await sql<{ timers: number; pending: number }>`SELECT
        (SELECT count(*)::int FROM timers WHERE fire_at <= now()) AS timers,
        (SELECT count(*)::int FROM outbox WHERE state <> 'done') AS pending`.execute(db);
      return rows[0]?.timers === 0 && rows[0].pending === 0;
    };
    const until = Date.now() + 20_000;
    while (!(await settled()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await settled()).toBe(true);

    // 0 lost updates: each accepted write is the line of the version it answered.
    const { rows: lines } = await sql<{ id: string; version: number; type: string; rn: string }>`
      SELECT message_id AS id, version, type, record -> 'payload' ->> 'registrationNumber' AS rn
      FROM message_history WHERE message_id LIKE 'two-%' ORDER BY message_id, version`.execute(db);
    const line = new Map(lines.map((l) => [`${l.id}@${l.version}`, l]));
    for (const write of accepted) {
      expect(line.get(`${write.id}@${write.version}`)?.rn).toBe(write.registrationNumber);
    }
    const { rows: versions } = await sql<{ id: string; version: number }>`
      SELECT id, version FROM messages WHERE id LIKE 'two-%'`.execute(db);
    for (const { id, version } of versions) {
      const mine = lines.filter((l) => l.id === id).map((l) => l.version);
      expect(mine).toEqual(Array.from({ length: version }, (_, k) => k + 1));
    }
    const updates = lines.filter((l) => l.type === 'registration.update');
    expect(updates.length).toBe(accepted.length);

    // Each due timer once: one `fired` log row per timer, one history line per event.
    const { rows: log } = await sql<{ timer: string; outcome: string; n: number }>`
      SELECT timer_id AS timer, outcome, count(*)::int AS n FROM timer_log
      WHERE message_id LIKE 'two-%' GROUP BY 1, 2`.execute(db);
    expect(log.length).toBe(2 * MESSAGES);
    for (const row of log) expect(row).toMatchObject({ outcome: 'fired', n: 1 });
    for (const type of ['deadline.due_soon', 'deadline.overdue']) {
      expect(lines.filter((l) => l.type === type).length).toBe(MESSAGES);
    }

    // Each outbox entry reached the sink once, and nothing else did.
    const { rows: outbox } = await sql<{ id: string }>`SELECT id::text AS id FROM outbox`.execute(
      db,
    );
    expect(outbox.length).toBeGreaterThan(MESSAGES);
    expect([...sink.received.keys()].sort()).toEqual(outbox.map((o) => o.id).sort());
    expect([...sink.received.values()].every((n) => n === 1)).toBe(true);

    // One counter for the region across both processes: numbers 1..n, none twice.
    const { rows: numbers } = await sql<{ seq: number }>`
      SELECT substring(number FROM '-([0-9]+)$')::int AS seq FROM messages
      WHERE id NOT LIKE 'two-%' ORDER BY 1`.execute(db);
    expect(numbers.map((n) => n.seq)).toEqual(
      Array.from({ length: 2 * SUBMITS_PER_PORTAL }, (_, k) => k + 1),
    );

    // Each worker logs the timers it fired: together, every one of them.
    const count = (prefix: string) =>
      output.map((o) => o.filter((l) => l.startsWith(prefix)).length);
    const fired = count('[таймер]');
    expect(fired.reduce((a, b) => a + b, 0)).toBe(2 * MESSAGES);
    console.log(
      `two portals: ${accepted.length} writes accepted, ${conflicts} refused with 412; ` +
        `timers fired per process ${fired.join(' / ')}; notices per process ` +
        `${count('[уведомление]').join(' / ')}; ${outbox.length} outbox entries delivered once`,
    );
  }, 90_000);
});
