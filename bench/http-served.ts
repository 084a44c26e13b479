/**
 * The served half of bench/http.ts: apps on the package's `serve()` (@hono/node-server) on
 * loopback, each loaded in turn by autocannon (bench/http-load.mjs) from a process of its
 * own, with this process's CPU time over every run.
 */

import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Hono } from 'hono';
import { serve } from '../packages/adapters-http/src/index.js';

/** Keep-alive connections, seconds per run, runs per app (after one warm-up each). */
export const CONNECTIONS = 10;
export const LOAD_SECONDS = 4;
export const LOAD_ROUNDS = 3;

type Fetch = (request: Request) => Response | Promise<Response>;

export interface Served {
  name: string;
  requestsPerSecond: number;
  /** Server CPU time (user + system, all its threads) per request, µs. */
  cpuMicros: number;
  /** The server's CPU time over the run's wall time: near 100 % means the server was the limit. */
  busy: number;
  p50: number;
  p99: number;
}

const runFile = promisify(execFile);

/** Serves `app` with the package's `serve()` on a free loopback port. */
export function listen(app: { fetch: Fetch }): Promise<{ port: number; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve(app, {
      port: 0,
      hostname: '127.0.0.1',
      onListening: (info: AddressInfo) => resolve({ port: info.port, close: () => server.close() }),
    });
  });
}

/** One run of the load generator against `port`, with this process's CPU time over it. */
async function load(name: string, port: number, seconds: number, ids: string[]): Promise<Served> {
  const script = join(import.meta.dirname, 'http-load.mjs');
  const cpu = process.cpuUsage();
  const began = performance.now();
  const { stdout } = await runFile(process.execPath, [
    script,
    String(port),
    String(seconds),
    String(CONNECTIONS),
    ids.join(','),
  ]);
  const wallMicros = (performance.now() - began) * 1_000;
  const used = process.cpuUsage(cpu);
  const out = JSON.parse(stdout) as {
    requests: number;
    seconds: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    p50: number;
    p99: number;
  };
  if (out.non2xx + out.errors + out.timeouts > 0 || out.requests === 0) {
    throw new Error(`${name}: ${JSON.stringify(out)}`);
  }
  return {
    name,
    requestsPerSecond: out.requests / out.seconds,
    cpuMicros: (used.user + used.system) / out.requests,
    busy: (used.user + used.system) / wallMicros,
    p50: out.p50,
    p99: out.p99,
  };
}

/**
 * The bare route, the endpoint and the HTTP layer alone, each served on loopback and loaded
 * in turn; the median run of each.
 */
export async function overHttp(
  bare: Hono,
  app: { fetch: Fetch },
  layerOnly: { fetch: Fetch },
  ids: string[],
) {
  const servers = [await listen(bare), await listen(app), await listen(layerOnly)] as const;
  try {
    for (const server of servers) await load('warm-up', server.port, 2, ids);
    const runs: [Served[], Served[], Served[]] = [[], [], []];
    for (let round = 0; round < LOAD_ROUNDS; round += 1) {
      for (const [i, server] of servers.entries()) {
        runs[i]?.push(
          await load(['bare', 'reshaem', 'layer'][i] as string, server.port, LOAD_SECONDS, ids),
        );
      }
    }
    const middle = (of: Served[]) =>
      [...of].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[
        Math.floor(of.length / 2)
      ] as Served;
    return { bare: middle(runs[0]), app: middle(runs[1]), layer: middle(runs[2]) };
  } finally {
    for (const server of servers) server.close();
  }
}
