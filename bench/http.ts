/**
 * Requests per second for POST /messages/{id}/events through the reshaem Hono app (in-memory
 * store), next to a bare Hono route that parses the same request body and returns the same
 * JSON, in the same run, and their ratio (target ≥ 0.5).
 *
 * Every measured request applies a real event: `registration.update` with a new
 * registration number on one of many messages in coordination, as their coordinator.
 *
 * Two more lines split the endpoint's cost: `store.send` alone (the workflow: validation,
 * permission, the XState transition and the memory store's write), and the same app over
 * a store whose `send` answers at once with a result written earlier — what the HTTP layer
 * itself (authentication, limits, JSON, conditional headers, the response view) costs.
 *
 *   npx tsx --conditions=@reshaem/source bench/http.ts
 */

import { pathToFileURL } from 'node:url';
import {
  createMemoryStore,
  type MessageStore,
  type Principal,
  type StoreWriteResult,
} from '@reshaem/core';
import { createDemoDirectory, demoUsers } from '@reshaem/core/testing';
import { Hono } from 'hono';
import { createHttpApp } from '../packages/adapters-http/src/index.js';

const MESSAGES = 50;
const WARM_UP_MS = 1_000;
const MEASURE_MS = 1_500;
const ROUNDS = 5;

interface Result {
  name: string;
  requestsPerSecond: number;
}

type Fetch = (request: Request) => Response | Promise<Response>;

const tokens = new Map<string, Principal>(Object.entries(demoUsers).map(([k, u]) => [k, u]));
const authenticate = (request: Request): Principal | null => {
  const header = request.headers.get('authorization');
  return header?.startsWith('Bearer ') ? (tokens.get(header.slice(7)) ?? null) : null;
};

const submitBody = JSON.stringify({
  channel: 'epgu_form',
  orgId: 'kam-roads',
  regionCode: '41',
  applicant: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' },
  problemAddress: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
  text: 'Глубокая яма на проезжей части у дома 5',
  categoryId: 'roads',
  subcategoryId: 'potholes',
  factId: 'pothole-street',
});

const post = (path: string, token: string, body: string) =>
  new Request(`http://bench.local${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  });

async function expectOk(response: Response | Promise<Response>, what: string): Promise<unknown> {
  const res = await response;
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The reshaem app with MESSAGES messages in coordination at the Kamchatka roads ministry. */
async function prepareApp(): Promise<{ fetch: Fetch; ids: string[]; store: MessageStore }> {
  let clock = Date.parse('2025-01-15T11:18:00Z');
  let counter = 0;
  const store = createMemoryStore({ directory: createDemoDirectory() });
  const app = createHttpApp({
    store,
    authenticate,
    now: () => {
      clock += 1_000;
      return new Date(clock);
    },
    newMessageId: () => `m-${++counter}`,
  });
  const ids: string[] = [];
  for (let i = 0; i < MESSAGES; i += 1) {
    const created = (await expectOk(
      app.fetch(post('/messages', 'applicant', submitBody)),
      'submit',
    )) as {
      id: string;
    };
    const accept = JSON.stringify({ type: 'moderation.accept' });
    await expectOk(
      app.fetch(post(`/messages/${created.id}/events`, 'moderator', accept)),
      'accept',
    );
    ids.push(created.id);
  }
  return { fetch: (request) => app.fetch(request), ids, store };
}

/**
 * The same app over a store whose `send` returns the given result at once: only the HTTP
 * layer's own work remains (the response view is still built for every request).
 */
function layerOnlyApp(store: MessageStore, written: StoreWriteResult): Fetch {
  const app = createHttpApp({
    store: { ...store, send: async () => written },
    authenticate,
    now: () => new Date(Date.parse('2025-01-15T12:00:00Z')),
  });
  return (request) => app.fetch(request);
}

/** A bare Hono route: parse the body, answer with the JSON the real endpoint answers with. */
function bareApp(response: unknown): Fetch {
  const app = new Hono();
  app.post('/messages/:id/events', async (c) => {
    const body = await c.req.json();
    if (typeof body !== 'object') return c.text('bad', 400);
    return c.json(response);
  });
  return (request) => app.fetch(request);
}

async function measure(name: string, fetch: Fetch, next: () => Request): Promise<Result> {
  return measureOps(name, async () => {
    const res = await fetch(next());
    if (res.status !== 200) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  });
}

async function measureOps(name: string, op: () => Promise<void>): Promise<Result> {
  const loop = async (ms: number) => {
    let requests = 0;
    const began = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < 100; i += 1) await op();
      requests += 100;
      elapsed = performance.now() - began;
    }
    return requests / (elapsed / 1_000);
  };
  await loop(WARM_UP_MS);
  return { name, requestsPerSecond: await loop(MEASURE_MS) };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function main(): Promise<Result[]> {
  const { fetch, ids, store } = await prepareApp();
  let n = 0;
  const nextEvent = () => {
    n += 1;
    const id = ids[n % ids.length] as string;
    const body = JSON.stringify({ type: 'registration.update', registrationNumber: `R-${n}` });
    return post(`/messages/${id}/events`, 'coordinatorRoads', body);
  };
  const sample = await expectOk(fetch(nextEvent()), 'sample');
  const bare = bareApp(sample);
  const written = await store.send(ids[0] as string, {
    type: 'registration.update',
    registrationNumber: 'R-layer',
    at: '2025-01-15T12:00:00Z',
    by: demoUsers.coordinatorRoads,
  });
  if (!written.ok) throw new Error(written.error.message);
  const layerOnly = layerOnlyApp(store, written);

  /** The same events straight into the store, no HTTP: what the core and the store cost. */
  const coordinator = demoUsers.coordinatorRoads;
  const storeOnly = async () => {
    n += 1;
    const id = ids[n % ids.length] as string;
    const event = {
      type: 'registration.update',
      registrationNumber: `R-${n}`,
      at: new Date().toISOString(),
      by: coordinator,
    };
    const result = await store.send(id, event);
    if (!result.ok) throw new Error(result.error.message);
  };

  const real: number[] = [];
  const base: number[] = [];
  const core: number[] = [];
  const layer: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    base.push((await measure('bare', bare, nextEvent)).requestsPerSecond);
    real.push((await measure('reshaem', fetch, nextEvent)).requestsPerSecond);
    core.push((await measureOps('store', storeOnly)).requestsPerSecond);
    layer.push((await measure('layer', layerOnly, nextEvent)).requestsPerSecond);
  }
  const results = [
    { name: 'bare Hono route: parse body, return the same JSON', requestsPerSecond: median(base) },
    {
      name: 'reshaem POST /messages/{id}/events (registration.update)',
      requestsPerSecond: median(real),
    },
    { name: 'for reference: store.send alone, no HTTP', requestsPerSecond: median(core) },
    {
      name: 'for reference: the HTTP layer alone (send answers at once)',
      requestsPerSecond: median(layer),
    },
  ];
  const [bareRps, realRps, coreRps, layerRps] = results.map((r) => r.requestsPerSecond) as [
    number,
    number,
    number,
    number,
  ];
  const ratio = realRps / bareRps;
  const micros = (rps: number) => 1e6 / rps;
  console.log(
    `http on Node ${process.versions.node} (${MESSAGES} messages in coordination; median of ${ROUNDS} rounds of ${MEASURE_MS} ms after ${WARM_UP_MS} ms warm-up; app.fetch in-process)`,
  );
  console.table(
    results.map((r) => ({
      case: r.name,
      'req/s': Math.round(r.requestsPerSecond).toLocaleString('en-US'),
      'µs/req': (1e6 / r.requestsPerSecond).toFixed(1),
    })),
  );
  console.log(`ratio reshaem / bare: ${ratio.toFixed(2)} (target ≥ 0.5)`);
  console.log(`ratio HTTP layer alone / bare: ${(layerRps / bareRps).toFixed(2)}`);
  const gap = micros(realRps) - micros(bareRps);
  const layerGap = micros(layerRps) - micros(bareRps);
  console.log(
    `reshaem costs ${gap.toFixed(1)} µs/req more than the bare route: the HTTP layer alone ${layerGap.toFixed(1)} µs, store.send alone ${micros(coreRps).toFixed(1)} µs, and ${(gap - layerGap - micros(coreRps)).toFixed(1)} µs more when both run in one request loop`,
  );
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
