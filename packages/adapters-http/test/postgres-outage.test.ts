import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedApp, serveInChild } from './outage/served-app.js';
import {
  postgresBinaries,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from './outage/throwaway-postgres.js';
import { operatorBody } from './support.js';

/** No request may take longer than this, outage or not. */
const REQUEST_BOUND_MS = 10_000;
const CLIENTS = 6;

interface Answer {
  status: number;
  ms: number;
  retryAfter: string | null;
  type: string | undefined;
  at: number;
}

/** One HTTP request, bounded; status 0 when it did not complete in time or at all. */
async function call(
  port: number,
  path: string,
  as: string,
  body: unknown,
  key: string,
): Promise<{ answer: Answer; json: Record<string, unknown>; etag: string | null }> {
  const began = performance.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${as}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_BOUND_MS),
    });
    const json = (await res.json()) as Record<string, unknown>;
    const ms = performance.now() - began;
    return {
      answer: {
        status: res.status,
        ms,
        retryAfter: res.headers.get('retry-after'),
        type: typeof json.type === 'string' ? json.type : undefined,
        at: Date.now(),
      },
      json,
      etag: res.headers.get('etag'),
    };
  } catch {
    return {
      answer: {
        status: 0,
        ms: performance.now() - began,
        retryAfter: null,
        type: undefined,
        at: Date.now(),
      },
      json: {},
      etag: null,
    };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Acknowledged {
  submits: string[];
  sends: Array<{ id: string; version: number }>;
}

/**
 * One client: submits operator messages and updates each once, every request with an
 * idempotency key, retrying a 503 with the same key until `running()` says stop.
 */
async function client(
  port: number,
  name: string,
  running: () => boolean,
  answers: Answer[],
  acked: Acknowledged,
): Promise<void> {
  const until2xx = async (path: string, as: string, body: unknown, key: string) => {
    while (running()) {
      const result = await call(port, path, as, body, key);
      answers.push(result.answer);
      if (result.answer.status !== 503) return result;
      await sleep(100);
    }
    return undefined;
  };
  for (let n = 0; running(); n++) {
    const submitted = await until2xx('/messages', 'operator', operatorBody(), `${name}-${n}`);
    if (submitted?.answer.status !== 201) continue;
    const id = String(submitted.json.id);
    acked.submits.push(id);
    const update = { type: 'registration.update', registrationNumber: `${name}-${n}` };
    const sent = await until2xx(`/messages/${id}/events`, 'headUlyRoads', update, `${name}-${n}-u`);
    if (sent?.answer.status === 200) {
      acked.sends.push({ id, version: Number(sent.etag?.replaceAll('"', '')) });
    }
  }
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

describe.skipIf(!postgresBinaries)('PostgreSQL outages under the served app', () => {
  let cluster: ThrowawayPostgres | undefined;
  let served: ServedApp | undefined;

  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    served = await serveInChild(cluster.url, {
      OUTAGE_POOL_MAX: '4',
      OUTAGE_CONNECT_TIMEOUT_MS: '3000',
    });
  }, 60_000);
  afterAll(async () => {
    await served?.kill();
    await cluster?.remove();
  }, 30_000);

  it('lives through pg_terminate_backend of its idle pooled connections', async () => {
    if (!cluster || !served) throw new Error('not started');
    const { port } = served;
    // Four requests at once leave up to four idle connections in the pool.
    const warm = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        call(port, '/messages', 'operator', operatorBody(), `t-${i}`),
      ),
    );
    expect(warm.map((r) => r.answer.status)).toEqual([201, 201, 201, 201]);
    const terminated = await query<{ pid: number }>(
      cluster.url,
      `WITH idle AS MATERIALIZED (
         SELECT pid FROM pg_stat_activity
         WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND state = 'idle')
       SELECT pid FROM idle WHERE pg_terminate_backend(pid)`,
    );
    expect(terminated.length).toBeGreaterThan(0);
    // Time for the pool to hear of the terminations and drop those connections.
    await sleep(1_000);
    expect(served.exited()).toBeUndefined();
    const after = [];
    for (let i = 0; i < 4; i++) {
      after.push(
        (await call(port, '/messages', 'operator', operatorBody(), `t-after-${i}`)).answer,
      );
    }
    expect(after.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(served.exited()).toBeUndefined();
    console.log(`terminated ${terminated.length} idle pooled connections; the next 4 writes: 201`);
  });

  it('answers 2xx or 503 through a restart and keeps every acknowledged write', async () => {
    if (!cluster || !served) throw new Error('not started');
    const { port } = served;
    const answers: Answer[] = [];
    const acked: Acknowledged = { submits: [], sends: [] };
    let run = true;
    const began = Date.now();
    const clients = Array.from({ length: CLIENTS }, (_, i) =>
      client(port, `c${i}`, () => run, answers, acked),
    );
    await sleep(1500);
    const stoppedAt = Date.now();
    await cluster.stop('immediate');
    await sleep(2000);
    await cluster.start();
    const startedAt = Date.now();
    // Recovered: a write acknowledged after the restart, without restarting the server.
    await expect
      .poll(() => answers.some((a) => a.at > startedAt && a.status >= 200 && a.status < 300), {
        timeout: 20_000,
        interval: 50,
      })
      .toBe(true);
    const recoveredAt = Math.min(
      ...answers.filter((a) => a.at > startedAt && a.status < 300).map((a) => a.at),
    );
    await sleep(1000);
    run = false;
    await Promise.all(clients);

    expect(served.exited()).toBeUndefined();
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].filter((s) => s !== 503 && (s < 200 || s >= 300))).toEqual([]);
    const unavailable = answers.filter((a) => a.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const a of unavailable) {
      expect(a.type).toBe('https://reshaem.dev/problems/unavailable');
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
    }
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(REQUEST_BOUND_MS);
    // The operator heard of the outage, and of nothing else.
    const reported = served.stderr.filter((l) => l.startsWith('reported '));
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.filter((l) => !l.startsWith('reported StoreUnavailableError'))).toEqual([]);

    // Every acknowledged write is there, and every history is whole.
    const rows = await query<{ id: string; version: number; lines: number; top: number }>(
      cluster.url,
      `SELECT m.id, m.version, count(h.*)::int AS lines, max(h.version)::int AS top
       FROM messages m LEFT JOIN message_history h ON h.message_id = m.id
       GROUP BY m.id, m.version`,
    );
    const stored = new Map(rows.map((r) => [r.id, r]));
    expect(acked.submits.filter((id) => !stored.has(id))).toEqual([]);
    expect(acked.sends.filter((s) => (stored.get(s.id)?.version ?? 0) < s.version)).toEqual([]);
    expect(rows.filter((r) => r.version !== r.lines || r.version !== r.top)).toEqual([]);

    const figures = {
      clients: CLIENTS,
      requests: answers.length,
      ok: answers.filter((a) => a.status < 300).length,
      unavailable: unavailable.length,
      acknowledgedSubmits: acked.submits.length,
      acknowledgedSends: acked.sends.length,
      storedMessages: rows.length,
      outageMs: startedAt - stoppedAt,
      recoveryMs: recoveredAt - startedAt,
      slowestMs: Math.round(Math.max(...answers.map((a) => a.ms))),
      totalMs: Date.now() - began,
    };
    console.log(`outage figures: ${JSON.stringify(figures)}`);
  });
});
