/**
 * Runs the load processes of bench/e2e.ts against a served app and measures the server:
 * its CPU time (`process.cpuUsage()`, this process, all threads) over the run, divided by
 * the requests answered.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface LoadOrders {
  mode: 'closed' | 'open';
  seconds: number;
  /** Load processes; each runs `clients / processes` users (closed) or sockets (open). */
  processes: number;
  clients: number;
  /** Open loop: requests per second over all processes. */
  rate?: number;
}

export interface Measured {
  eventsPerSecond: number;
  p50: number;
  p99: number;
  /** Server CPU per request, µs. */
  cpuMicros: number;
  /** Server CPU over wall time (1 = one core busy). */
  busy: number;
  requests: number;
  /** Open loop: offered requests not sent because every socket was still busy. */
  dropped: number;
}

interface ClientResult {
  requests: number;
  seconds: number;
  latencies: number[];
  failures: Array<string | number>;
  dropped?: number;
}

const script = join(import.meta.dirname, 'client.mjs');

function oneProcess(orders: Record<string, unknown>): {
  ready: Promise<void>;
  result: Promise<ClientResult>;
  start(): void;
} {
  const child = fork(script, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });
  const result = new Promise<ClientResult>((resolve, reject) => {
    child.once('message', (message) => resolve(message as ClientResult));
    child.once('exit', (code) => reject(new Error(`load process exited with ${code}`)));
  });
  return { ready, result, start: () => child.send(orders) };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** One measured run against 127.0.0.1:`port`, every user holding a token from `tokens`. */
export async function measure(
  port: number,
  tokens: Record<string, string>,
  orders: LoadOrders,
): Promise<Measured> {
  const per = Math.max(1, Math.round(orders.clients / orders.processes));
  const children = Array.from({ length: orders.processes }, () =>
    oneProcess({
      port,
      tokens,
      mode: orders.mode,
      seconds: orders.seconds,
      concurrency: per,
      rate: (orders.rate ?? 0) / orders.processes,
    }),
  );
  await Promise.all(children.map((c) => c.ready));
  const cpu = process.cpuUsage();
  const began = performance.now();
  for (const child of children) child.start();
  const results = await Promise.all(children.map((c) => c.result));
  const wallMicros = (performance.now() - began) * 1000;
  const used = process.cpuUsage(cpu);
  const failures = results.flatMap((r) => r.failures);
  if (failures.length > 0) {
    throw new Error(`${failures.length} requests failed, e.g. ${failures.slice(0, 3).join(' | ')}`);
  }
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const seconds = Math.max(...results.map((r) => r.seconds));
  const sorted = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    eventsPerSecond: requests / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuMicros: (used.user + used.system) / requests,
    busy: (used.user + used.system) / wallMicros,
    requests,
    dropped: results.reduce((sum, r) => sum + (r.dropped ?? 0), 0),
  };
}

/** The run with the median events per second. */
export const median = (runs: Measured[]): Measured =>
  [...runs].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[
    Math.floor(runs.length / 2)
  ] as Measured;
