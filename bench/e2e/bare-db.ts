/** The bare route's database: node-postgres or PGlite, with named (prepared) statements. */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { queryPrepared } from '../../packages/adapters-sql/src/pglite-prepared.js';
import type { BareDb, Rows } from './bare-app.js';

export function bareOnPostgres(pool: pg.Pool): BareDb {
  return {
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(async (name, text, values) => {
          const { rows, rowCount } = await client.query({ name, text, values });
          return { rows, rowCount: rowCount ?? 0 };
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/**
 * PGlite's one session, a transaction at a time (as the SQL store's pool hands it out), its
 * statements prepared once and each run in one protocol exchange as the store's hot
 * statements are (`queryPrepared`): prepared, like the PostgreSQL side's.
 */
export function bareOnPglite(pglite: PGlite): BareDb {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    transaction(work) {
      const run = tail.then(async () => {
        await pglite.query('BEGIN');
        try {
          const result = await work(async (_name, text, values): Promise<Rows> => {
            const { rows, rowCount } = await queryPrepared(pglite, text, values);
            return { rows: rows as Rows['rows'], rowCount };
          });
          await pglite.query('COMMIT');
          return result;
        } catch (error) {
          await pglite.query('ROLLBACK');
          throw error;
        }
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
