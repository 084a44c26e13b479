/*
 * A timer worker process for the chaos test: runs `runDueTimers` in a loop against the
 * schema in SCHEMA, with a short lease, until it is killed. Its clock is the real one moved
 * by CLOCK_OFFSET_MS, so that every test timer is due while leases still end in real time.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { directory } from '../../../core/test/helpers.js';
import { createPostgresKysely, createSqlStore } from '../../src/index.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const offset = Number(env('CLOCK_OFFSET_MS'));
const leaseMs = Number(env('LEASE_MS'));
const workerId = env('WORKER_ID');
const db = createPostgresKysely({
  connectionString: env('DATABASE_URL'),
  searchPath: env('SCHEMA'),
  max: 1,
});
const store = await createSqlStore({ directory, db });
console.log('ready');
for (;;) {
  const now = new Date(Date.now() + offset).toISOString();
  const run = await store.runDueTimers({ now, leaseMs, limit: 2, workerId });
  if (run.claimed === 0) await sleep(25);
}
