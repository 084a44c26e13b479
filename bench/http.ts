/**
 * Requests per second for POST /messages/{id}/events through the reshaem Hono app (in-memory
 * store), next to a bare Hono route that parses the same request body and returns the same
 * JSON, in the same run, and their ratio (target ≥ 0.5).
 *
 * Every measured request applies a real event: `registration.update` with a new
 * registration number on one of many messages in coordination, as their coordinator.
 *
 * Two measurements:
 *
 * - **Over HTTP** (the target): both apps are served on Node with the package's `serve`
 *   (@hono/node-server), as a portal serves them, and autocannon loads each from a process
 *   of its own over keep-alive connections on loopback. Besides requests per second it
 *   prints the server's CPU time per request and how busy the server was: a baseline the
 *   load generator could not saturate would flatter the ratio, so the run says so. A third
 *   served app, over a store whose `send` answers at once, shows the HTTP layer alone.
 * - **In process** (`app.fetch(new Request(…))`, no sockets): the same two apps, plus two
 *   lines that split the endpoint's cost: `store.send` alone (the workflow: validation,
 *   permission, the XState transition and the memory store's write), and the app over a
 *   store whose `send` answers at once with a result written earlier, i.e. what the HTTP
 *   layer itself costs. Without the network the bare route costs next to nothing, so this
 *   ratio is far stricter than what a client of the served endpoint sees.
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
import { CONNECTIONS, LOAD_ROUNDS, LOAD_SECONDS, overHttp } from './http-served.js';

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

/**
 * The server's clock: real pace from 15 January 2025, 11:18 UTC. A countdown shown in a
 * response changes once a minute, as it does for a portal's users.
 */
const epoch = Date.parse('2025-01-15T11:18:00Z');
const started = performance.now();
const clock = () => new Date(epoch + Math.floor(performance.now() - started));

/** The reshaem app with MESSAGES messages in coordination at the Kamchatka roads ministry. */
async function prepareApp(): Promise<{
  app: { fetch: Fetch };
  fetch: Fetch;
  ids: string[];
  store: MessageStore;
}> {
  let counter = 0;
  const store = createMemoryStore({ directory: createDemoDirectory() });
  const app = createHttpApp({
    store,
    authenticate,
    now: clock,
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
  return { app, fetch: (request) => app.fetch(request), ids, store };
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
function bareApp(response: unknown): Hono {
  const app = new Hono();
  app.post('/messages/:id/events', async (c) => {
    const body = await c.req.json();
    if (typeof body !== 'object') return c.text('bad', 400);
    return c.json(response);
  });
  return app;
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

/**
 * A fresh app over a fresh store, with its event stream: each measurement gets its own. The
 * memory store keeps every history line, and after a few hundred thousand writes the
 * garbage collector's work on them, not the endpoint, is what a run would measure.
 */
async function prepareWorld() {
  const { app, fetch, ids, store } = await prepareApp();
  let n = 0;
  const nextEvent = () => {
    n += 1;
    const id = ids[n % ids.length] as string;
    const body = JSON.stringify({ type: 'registration.update', registrationNumber: `R-${n}` });
    return post(`/messages/${id}/events`, 'coordinatorRoads', body);
  };
  const sample = await expectOk(fetch(nextEvent()), 'sample');
  const written = await store.send(ids[0] as string, {
    type: 'registration.update',
    registrationNumber: 'R-layer',
    at: '2025-01-15T12:00:00Z',
    by: demoUsers.coordinatorRoads,
  });
  if (!written.ok) throw new Error(written.error.message);

  /** The same events straight into the store, no HTTP: what the core and the store cost. */
  const coordinator = demoUsers.coordinatorRoads;
  const storeOnly = async () => {
    n += 1;
    const id = ids[n % ids.length] as string;
    const event = {
      type: 'registration.update',
      registrationNumber: `R-${n}`,
      at: clock().toISOString(),
      by: coordinator,
    };
    const result = await store.send(id, event);
    if (!result.ok) throw new Error(result.error.message);
  };
  return { app, fetch, ids, nextEvent, sample, storeOnly, layerOnly: layerOnlyApp(store, written) };
}

export async function main(): Promise<Result[]> {
  const first = await prepareWorld();
  const bare = bareApp(first.sample);
  const bareFetch: Fetch = (request) => bare.fetch(request);

  // In process first: serving swaps Node's global Request and Response for
  // @hono/node-server's lighter ones, which would change what app.fetch measures.
  const real: number[] = [];
  const base: number[] = [];
  const core: number[] = [];
  const layer: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const world = round === 0 ? first : await prepareWorld();
    base.push((await measure('bare', bareFetch, world.nextEvent)).requestsPerSecond);
    real.push((await measure('reshaem', world.fetch, world.nextEvent)).requestsPerSecond);
    layer.push((await measure('layer', world.layerOnly, world.nextEvent)).requestsPerSecond);
    core.push((await measureOps('store', (await prepareWorld()).storeOnly)).requestsPerSecond);
  }
  const servedWorld = await prepareWorld();
  const served = await overHttp(
    bare,
    servedWorld.app,
    { fetch: servedWorld.layerOnly },
    servedWorld.ids,
  );

  const perRequest = (rps: number) => (1e6 / rps).toFixed(1);
  console.log(
    `http on Node ${process.versions.node}: POST /messages/{id}/events, registration.update on ${MESSAGES} messages in coordination`,
  );
  console.log(
    `\nover HTTP: served by serve() (@hono/node-server) on loopback, autocannon in its own process, ${CONNECTIONS} keep-alive connections; median of ${LOAD_ROUNDS} runs of ${LOAD_SECONDS} s after a 2 s warm-up`,
  );
  console.table(
    [
      ['bare Hono route: parse body, return the same JSON', served.bare] as const,
      ['reshaem POST /messages/{id}/events', served.app] as const,
      ['for reference: the HTTP layer alone (send answers at once)', served.layer] as const,
    ].map(([name, r]) => ({
      case: name,
      'req/s': Math.round(r.requestsPerSecond).toLocaleString('en-US'),
      'server CPU µs/req': r.cpuMicros.toFixed(1),
      'server busy': `${Math.round(r.busy * 100)} %`,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
    })),
  );
  const servedRatio = served.app.requestsPerSecond / served.bare.requestsPerSecond;
  console.log(`ratio reshaem / bare over HTTP: ${servedRatio.toFixed(2)} (target ≥ 0.5)`);
  console.log(
    `ratio of the server's CPU time per request, bare / reshaem: ${(served.bare.cpuMicros / served.app.cpuMicros).toFixed(2)} (the same comparison, blind to how hard the load generator pushed)`,
  );
  console.log(
    `ratio HTTP layer alone / bare over HTTP: ${(served.layer.requestsPerSecond / served.bare.requestsPerSecond).toFixed(2)}; server CPU per request: the HTTP layer ${(served.layer.cpuMicros - served.bare.cpuMicros).toFixed(1)} µs more than the bare route, the workflow and the store (validation, permission, the XState transition, the write) ${(served.app.cpuMicros - served.layer.cpuMicros).toFixed(1)} µs more again`,
  );
  if (served.bare.busy < 0.9) {
    console.log(
      `  caution: the server was busy only ${Math.round(served.bare.busy * 100)} % of the bare run, so the load generator, not the server, set the baseline; the ratio is flattered`,
    );
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
  const micros = (rps: number) => 1e6 / rps;
  console.log(
    `\nin process: app.fetch(new Request(…)), no sockets; median of ${ROUNDS} rounds of ${MEASURE_MS} ms after ${WARM_UP_MS} ms warm-up`,
  );
  console.table(
    results.map((r) => ({
      case: r.name,
      'req/s': Math.round(r.requestsPerSecond).toLocaleString('en-US'),
      'µs/req': perRequest(r.requestsPerSecond),
    })),
  );
  console.log(`ratio reshaem / bare in process: ${(realRps / bareRps).toFixed(2)}`);
  console.log(`ratio HTTP layer alone / bare in process: ${(layerRps / bareRps).toFixed(2)}`);
  const gap = micros(realRps) - micros(bareRps);
  const layerGap = micros(layerRps) - micros(bareRps);
  console.log(
    `reshaem costs ${gap.toFixed(1)} µs/req more than the bare route: the HTTP layer alone ${layerGap.toFixed(1)} µs, store.send alone ${micros(coreRps).toFixed(1)} µs, and ${(gap - layerGap - micros(coreRps)).toFixed(1)} µs more when both run in one request loop`,
  );
  return [
    { name: 'over HTTP: bare Hono route', requestsPerSecond: served.bare.requestsPerSecond },
    { name: 'over HTTP: reshaem endpoint', requestsPerSecond: served.app.requestsPerSecond },
    { name: 'over HTTP: the HTTP layer alone', requestsPerSecond: served.layer.requestsPerSecond },
    ...results,
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
