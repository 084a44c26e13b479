import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPgliteKysely } from '@reshaem/adapters-sql';
import { createDemoDirectory } from '@reshaem/core/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleScript,
  exited,
  printed,
  spawnProcess,
} from '../../../packages/adapters-sql/test/processes/spawn.js';
import { operatorSubmit } from '../../../packages/core/test/helpers.js';
import { createAccounts } from '../src/auth/accounts.js';

/*
 * `npm start` as a process of its own on a PGlite data directory, sent SIGTERM while
 * phoned-in messages are being written: every request already taken is answered, the
 * process exits 0, and the database it leaves holds every acknowledged message and no
 * claimed timer or outbox entry.
 */
const portalDir = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'shutdown-test';
const REQUESTS = 15;

const body = () => {
  const { type, at, by, number, messageId, ...fields } = operatorSubmit();
  return JSON.stringify(fields);
};

describe('the portal on SIGTERM', () => {
  let bundle: string;
  let dataDir: string;
  let portal: ChildProcess | undefined;
  beforeAll(async () => {
    bundle = await bundleScript(join(portalDir, 'src/main.ts'), {
      name: 'portal',
      tsconfig: join(portalDir, 'tsconfig.json'),
    });
    dataDir = await mkdtemp(join(tmpdir(), 'reshaem-shutdown-'));
  });
  afterAll(async () => {
    portal?.kill('SIGKILL');
    if (portal) await exited(portal);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes the writes in flight, releases its claims, closes the database, exits 0', async () => {
    portal = spawnProcess(
      bundle,
      {
        PORT: '0',
        HOST: '127.0.0.1',
        RESHAEM_DATA_DIR: dataDir,
        RESHAEM_DEMO: '0',
        RESHAEM_TOKEN_SECRET: SECRET,
        // A worker that is busy claiming timers and outbox entries when the signal comes.
        RESHAEM_WORKER_INTERVAL_MS: '10',
      },
      portalDir,
    );
    const ready = await printed(portal, '  Ready in ');
    const port = Number(/listening on port (\d+)/.exec(ready)?.[1]);
    const token = createAccounts(createDemoDirectory(), SECRET).tokenOf('op-uly-112');
    const submit = () =>
      fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body(),
      }).then(
        async (response) => ({
          status: response.status,
          id: response.ok ? ((await response.json()) as { id: string }).id : null,
          at: Date.now(),
        }),
        (error: unknown) => ({ status: 0, id: null, at: Date.now(), error: causeOf(error) }),
      );
    // Warm up (and give the worker something to claim), then a burst, and SIGTERM while
    // the burst is being written.
    const first = await submit();
    expect(first.status).toBe(201);
    const burst = Array.from({ length: REQUESTS }, submit);
    // The first answer of the burst: the others are taken and queued behind it.
    await Promise.race(burst);
    const signalled = Date.now();
    portal.kill('SIGTERM');
    const answers = [first, ...(await Promise.all(burst))];
    await exited(portal);

    expect(portal.exitCode).toBe(0);
    // Every request was either answered 201, or refused before the server read it: the
    // listener closed (refused), or its connection was still waiting to be read when the
    // server closed it (reset; Node closes such idle connections on close). Which requests
    // land in that window is a race, so the proof that none was cut off halfway is below:
    // the database holds exactly the acknowledged writes.
    const cut = answers.filter(
      (a) => a.status !== 201 && !('error' in a && refusedBeforeRead.has(a.error)),
    );
    expect(cut).toEqual([]);
    const acknowledged = answers.filter((a) => a.status === 201);
    const answeredAfterSignal = acknowledged.filter((a) => a.at > signalled).length;
    expect(answeredAfterSignal).toBeGreaterThan(0);

    const db = createPgliteKysely({ dataDir });
    try {
      const { rows: messages } = await sql<{ id: string }>`SELECT id FROM messages`.execute(db);
      expect(new Set(messages.map((m) => m.id))).toEqual(new Set(acknowledged.map((a) => a.id)));
      const { rows } = await sql<{ timers: number; early: number; outbox: number }>`
        SELECT (SELECT count(*)::int FROM timers WHERE locked_by IS NOT NULL) AS timers,
          (SELECT count(*)::int FROM timers WHERE available_at <> fire_at) AS early,
          (SELECT count(*)::int FROM outbox WHERE state = 'pending'
            AND (locked_by IS NOT NULL OR available_at <> due_at)) AS outbox`.execute(db);
      // Nothing claimed: the next start takes every due timer and entry at once.
      expect(rows[0]).toEqual({ timers: 0, early: 0, outbox: 0 });
      console.log(
        `shutdown: ${acknowledged.length} writes acknowledged (${answeredAfterSignal} answered after SIGTERM), ` +
          `${answers.length - acknowledged.length} refused before being taken; exit ${portal.exitCode}`,
      );
    } finally {
      await db.destroy();
    }
  }, 60_000);
});

/** How a connection the server never read from fails. */
const refusedBeforeRead = new Set<unknown>(['ECONNREFUSED', 'ECONNRESET']);

/** Why a fetch failed: the socket error's code (`ECONNREFUSED`, `ECONNRESET` …). */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : String(error);
}
