/*
 * A child process for the outage tests: the HTTP app over the SQL store on PostgreSQL,
 * served on a free loopback port. It prints `{"port":…}` once it listens, and a line on
 * stderr for every error it reports through `onUnexpectedError`. Configured by the environment:
 * OUTAGE_DATABASE_URL, OUTAGE_POOL_MAX, OUTAGE_CONNECT_TIMEOUT_MS.
 */
import type { AddressInfo } from 'node:net';
import { createPostgresKysely, createSqlStore, migrate } from '@reshaem/adapters-sql';
import type { Principal } from '@reshaem/core';
import { createDemoDirectory, demoUsers } from '@reshaem/core/testing';
import { createHttpApp, serve } from '../../src/index.js';

const connectionString = process.env.OUTAGE_DATABASE_URL ?? '';
const max = Number(process.env.OUTAGE_POOL_MAX ?? 4);
const connectionTimeoutMillis = Number(process.env.OUTAGE_CONNECT_TIMEOUT_MS ?? 5000);

const users = demoUsers as Record<string, Principal>;
const authenticate = (request: Request): Principal | null => {
  const match = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '');
  return match?.[1] && Object.hasOwn(users, match[1]) ? (users[match[1]] ?? null) : null;
};

const db = createPostgresKysely({
  connectionString,
  max,
  connectionTimeoutMillis,
  applicationName: 'reshaem-outage-test',
});
await migrate(db);
const store = await createSqlStore({ db, directory: createDemoDirectory() });
const app = createHttpApp({
  store,
  authenticate,
  onUnexpectedError: (error) => {
    const name = error instanceof Error ? error.name : typeof error;
    process.stderr.write(
      `reported ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  },
});
serve(app, {
  port: 0,
  hostname: '127.0.0.1',
  onListening: (info: AddressInfo) => {
    process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
  },
});
