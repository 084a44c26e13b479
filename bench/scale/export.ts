/**
 * The streamed export through the HTTP route: the API served on loopback, the CSV read as
 * it arrives and counted, the process's resident memory sampled every 50 ms and its peak so
 * far printed at each quarter of the rows (flat quarters: memory does not grow with rows).
 */
import { performance } from 'node:perf_hooks';
import { createHttpApp, serve } from '@reshaem/adapters-http';
import type { SqlStore } from '@reshaem/adapters-sql';
import type { Principal } from '@reshaem/core';

/** Everyone's messages: a platform-wide moderator sees them all. */
const exporter: Principal = { id: 'export-bench', roles: [{ role: 'moderator' }] };

export async function measureExport(store: SqlStore, rows: number, log: (line: string) => void) {
  const app = createHttpApp({ store, authenticate: () => exporter });
  const server = serve(app, { port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  const controller = new AbortController();
  let lines = -1; // the header
  let bytes = 0;
  const quarters: number[] = [];
  try {
    const response = await fetch(`http://127.0.0.1:${port}/messages/export.csv`, {
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`export: ${response.status}`);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const byte of value) if (byte === 10) lines += 1;
      if (lines >= ((quarters.length + 1) * rows) / 4) quarters.push(peak);
      if (lines >= rows) {
        controller.abort();
        break;
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearInterval(sampler);
    // Wait for the server to finish the page it was reading when the reader hung up.
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const seconds = (performance.now() - t0) / 1000;
  const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
  log(
    `  GET /messages/export.csv: ${lines.toLocaleString('en')} rows (${mb(bytes)}) in ${seconds.toFixed(0)} s, ` +
      `${Math.round(lines / seconds).toLocaleString('en')} rows/s; resident memory ${mb(base)} before, peak ${mb(peak)} ` +
      `(peak after each quarter of the rows: ${quarters.map(mb).join(', ')})`,
  );
}
