import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import type { ReshaemDatabase } from './database.js';
import { preparingPool } from './prepared-pool.js';

/** How to reach PostgreSQL: a connection string (a `pg` pool is made), or your own pool. */
export type PostgresKyselyOptions =
  | {
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
    }
  | {
      /**
       * A `pg.Pool`, or anything with its `connect()` and `end()`: typed structurally so
       * that `pg` stays your dependency. `kysely.destroy()` ends it.
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
 * @example
 * const db = createPostgresKysely({ connectionString: process.env.DATABASE_URL!, max: 20 });
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
  const { connectionString, max, searchPath, prepare = true } = options;
  if (searchPath !== undefined && !schemaList.test(searchPath)) {
    throw new TypeError(`searchPath must be a comma-separated list of schema names: ${searchPath}`);
  }
  const open = async (): Promise<PostgresPool> => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString,
      ...(max === undefined ? {} : { max }),
      ...(searchPath === undefined
        ? {}
        : { options: `-c search_path=${searchPath.replace(/\s+/g, '')}` }),
    });
    return prepare ? preparingPool(pool) : pool;
  };
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: open }) });
}
