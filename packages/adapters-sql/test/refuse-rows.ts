import { type Kysely, sql } from 'kysely';

/**
 * Makes the database itself refuse every new row of `table` (a CHECK that never holds), so
 * a write fails with a real PostgreSQL error — one that carries the statement's
 * parameters and the failing row — for tests of what reaches the logs.
 */
export async function refuseNewRows<DB>(db: Kysely<DB>, table: string): Promise<void> {
  await sql`ALTER TABLE ${sql.table(table)} ADD CONSTRAINT refuse_rows CHECK (false) NOT VALID`.execute(
    db,
  );
}
