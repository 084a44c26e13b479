/**
 * The SQL store over a filled schema with every statement it sends kept in `seen`, for the
 * scripts that EXPLAIN what a list or a count runs (`explain.ts`, `reads.ts`).
 */
import { createSqlStore } from '@reshaem/adapters-sql';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { scaleDirectory } from './scale-world.js';

export async function loggedScaleStore(schema: string) {
  const url = process.env.DATABASE_URL ?? '';
  const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}`, max: 1 });
  const seen: CompiledQuery[] = [];
  const db = new Kysely({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') seen.push(event.query);
    },
  });
  const store = await createSqlStore({ db, directory: scaleDirectory, migrate: false });
  return { db, pool, seen, store };
}
