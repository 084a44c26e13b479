/** The bare route's database: node-postgres with named (prepared) statements, or PGlite. */
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
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

/** PGlite parses and plans each statement it is given; it keeps no named statements. */
export function bareOnPglite(pglite: PGlite): BareDb {
  return {
    transaction: (work) =>
      pglite.transaction((tx) =>
        work(async (_name, text, values): Promise<Rows> => {
          const result = await tx.query<Record<string, unknown>>(text, values);
          return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
        }),
      ),
  };
}
