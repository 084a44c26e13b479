import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import type { ReshaemDatabase } from './database.js';
import {
  type PostgresSessionBounds,
  sessionSettings,
  surviveDroppedConnections,
} from './postgres-session.js';
import { preparingPool } from './prepared-pool.js';

export type { PostgresSessionBounds } from './postgres-session.js';

/** How to reach PostgreSQL: a connection string (a `pg` pool is made), or your own pool. */
export type PostgresKyselyOptions =
  | (PostgresSessionBounds & {
      connectionString: string;
      /** Pool size; node-postgres' default (10) when absent. */
      max?: number;
      /**
       * The schema(s) to use, e.g. `reshaem` or `reshaem,public`; the server's default
       * search path when absent.
       */
      searchPath?: string;
      /**
       * Prepare the statements every write runs, once per connection; `true` by default.
       * Turn it off behind a pooler that cannot keep prepared statements.
       */
      prepare?: boolean;
      /** `application_name` of the sessions (`pg_stat_activity`); `reshaem` by default. */
      applicationName?: string;
      /**
       * Told when an idle pooled connection dies (a restart, a terminated session); the
       * pool has already dropped it and opens a new one when needed. Nothing by default:
       * the calls that meet the outage fail with `StoreUnavailableError` and say so.
       */
      onConnectionError?: (error: Error) => void;
    })
  | {
      /**
       * A `pg.Pool`, or anything with its `connect()` and `end()`: typed structurally so
       * that `pg` stays your dependency. `kysely.destroy()` ends it. Give a `pg.Pool` an
       * `error` listener (and its clients, on `connect`), or a dropped connection ends
       * the process; set its timeouts yourself.
       */
      pool: PostgresPool;
      /**
       * Prepare the statements every write runs (needs a client whose `query` takes
       * `{ name, text, values }`, as `pg`'s does); `false` by default.
       */
      prepare?: boolean;
    };

const schemaList = /^[A-Za-z_][A-Za-z0-9_$]*(\s*,\s*[A-Za-z_][A-Za-z0-9_$]*)*$/;

/**
 * A Kysely over PostgreSQL through node-postgres (`pg`, an optional peer dependency that
 * is loaded only when you pass a connection string).
 *
 * The pool it makes lives through outages: a connection the server drops is forgotten
 * (never an unhandled `error` that ends the process) and the next call opens a new one.
 * Every session is bounded (see {@link PostgresSessionBounds}): a call waits at most
 * `connectionTimeoutMillis` for a connection and `lockTimeoutMillis` for a lock, and a
 * session left idle inside a transaction is ended by the server.
 *
 * @example
 * const db = createPostgresKysely({
 *   connectionString: process.env.DATABASE_URL!,
 *   max: 20,
 *   lockTimeoutMillis: 2_000,
 * });
 * await migrate(db);
 * const store = await createSqlStore({ db, directory });
 */
export function createPostgresKysely<DB = ReshaemDatabase>(
  options: PostgresKyselyOptions,
): Kysely<DB> {
  if ('pool' in options) {
    const pool = options.prepare ? preparingPool(options.pool) : options.pool;
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  }
  const {
    connectionString,
    max,
    searchPath,
    prepare = true,
    applicationName = 'reshaem',
    onConnectionError = () => {},
    ...bounds
  } = options;
  if (searchPath !== undefined && !schemaList.test(searchPath)) {
    throw new TypeError(`searchPath must be a comma-separated list of schema names: ${searchPath}`);
  }
  // Checked now, so that a bad bound fails at start-up rather than at the first query.
  const session = sessionSettings(bounds);
  const open = async (): Promise<PostgresPool> => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString,
      application_name: applicationName,
      ...session,
      ...(max === undefined ? {} : { max }),
      ...(searchPath === undefined
        ? {}
        : { options: `-c search_path=${searchPath.replace(/\s+/g, '')}` }),
    });
    surviveDroppedConnections(pool, onConnectionError);
    return prepare ? preparingPool(pool) : pool;
  };
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: open }) });
}
