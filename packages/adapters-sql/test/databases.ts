import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import {
  createPgliteKysely,
  createPostgresKysely,
  migrate,
  type ReshaemDatabase,
} from '../src/index.js';

/** Set by CI (`.ci/run`) and by you: the PostgreSQL tests are skipped without it. */
export const databaseUrl = process.env.DATABASE_URL;

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A schema of its own for one test file, so that files running in parallel never meet:
 * `connect` opens pools whose search path is that schema; `drop` removes it.
 */
export async function testSchema(label: string) {
  const schema = `reshaem_t_${label}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const opened: Kysely<ReshaemDatabase>[] = [];
  return {
    schema,
    connect(max = 10): Kysely<ReshaemDatabase> {
      const db = createPostgresKysely({
        connectionString: databaseUrl ?? '',
        searchPath: schema,
        max,
      });
      opened.push(db);
      return db;
    },
    async drop() {
      await Promise.all(opened.map((db) => db.destroy()));
      await admin((c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

/**
 * A database of its own for one test file whose assertions read the planner's choices. A
 * plan depends on the visibility map (which pages VACUUM could mark all-visible), and VACUUM
 * marks no page whose rows' commits it cannot yet count on: none while a transaction in the
 * same database is older than the rows, and none whose commit is not yet flushed to the WAL
 * — which, with `synchronous_commit = off` (as CI runs its throwaway cluster), is every
 * commit of the last moments. So the database is its own, and commits in it are
 * synchronous, as production's are by default. `url` connects to it; `drop` removes it
 * (closing what is still connected).
 */
export async function testDatabase(label: string) {
  const name = `reshaem_t_${label}_${randomBytes(4).toString('hex')}`;
  await admin(async (c) => {
    await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    await c.query(`ALTER DATABASE ${name} SET synchronous_commit = on`);
  });
  const url = new URL(databaseUrl ?? '');
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** An in-memory PGlite, migrated. */
export async function migratedPglite(): Promise<Kysely<ReshaemDatabase>> {
  const db = createPgliteKysely();
  await migrate(db);
  return db;
}

/** Empties every table a store writes (not the directory), for the next test. */
export async function truncateStore(db: Kysely<ReshaemDatabase>): Promise<void> {
  await sql`TRUNCATE messages, message_history, timers, timer_log, outbox, idempotency_keys,
    folder_counts, folder_rollups, tree_rollups, message_counters, message_indicators
    RESTART IDENTITY`.execute(db);
}
