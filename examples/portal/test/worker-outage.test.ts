import { createPostgresKysely, createSqlStore, migrate } from '@reshaem/adapters-sql';
import { createDemoDirectory } from '@reshaem/core/testing';
import { describe, expect, it } from 'vitest';
import {
  postgresBinaries,
  startThrowawayPostgres,
} from '../../../packages/adapters-http/test/outage/throwaway-postgres.js';
import { at, operatorSubmit } from '../../../packages/core/test/helpers.js';
import { startWorker } from '../src/worker/worker.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoffLine = /^\[воркер\] база недоступна \((\w+)\), следующая попытка через (\d+) мс$/;

describe.skipIf(!postgresBinaries)('the worker through a PostgreSQL restart', () => {
  it('backs off while the database is down, and fires the due timers once it is back', async () => {
    const cluster = await startThrowawayPostgres();
    const db = createPostgresKysely({
      connectionString: cluster.url,
      max: 2,
      connectionTimeoutMillis: 1_000,
    });
    try {
      await migrate(db);
      const store = await createSqlStore({ db, directory: createDemoDirectory() });
      expect((await store.submit(operatorSubmit({ messageId: 'm-w1' }))).ok).toBe(true);
      expect((await store.messageTimers('m-w1')).length).toBeGreaterThan(0);

      await cluster.stop('immediate');
      const lines: string[] = [];
      // Sixty days on: the message's deadline timers are all due.
      const worker = startWorker({
        store,
        now: () => new Date(at(60 * 24 * 60)),
        intervalMs: 50,
        maxBackoffMs: 400,
        log: (line) => lines.push(line),
      });
      await sleep(2_000);
      const delays = lines.flatMap((l) => {
        const m = backoffLine.exec(l);
        return m ? [Number(m[2])] : [];
      });
      // 2 s at a 50 ms interval would be 40 attempts; backing off, it is a handful.
      expect(delays.slice(0, 4)).toEqual([50, 100, 200, 400]);
      expect(delays.every((d) => d <= 400)).toBe(true);
      expect(delays.length).toBeLessThanOrEqual(10);
      expect(lines.filter((l) => !backoffLine.test(l))).toEqual([]);

      await cluster.start();
      // The worker logs a batch's firings once the batch is done: wait for both.
      const fired = async () =>
        lines.some((l) => l.startsWith('[таймер]')) &&
        (await store.history('m-w1').catch(() => [])).some((h) => h.by.id === 'system');
      await expect.poll(fired, { timeout: 10_000, interval: 100 }).toBe(true);
      await worker.stop();
    } finally {
      await db.destroy().catch(() => {});
      await cluster.remove();
    }
  });
});
