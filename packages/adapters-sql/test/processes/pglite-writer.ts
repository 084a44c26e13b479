/**
 * A process that holds a PGlite data directory and writes to it until killed:
 * `node --import tsx --conditions=@reshaem/source pglite-writer.ts <dataDir>`.
 * It prints `ready <pid>` once the directory is open, then `ack <n>` after each insert's
 * commit has returned, so the parent knows exactly which writes were acknowledged.
 */
import { sql } from 'kysely';
import { createPgliteKysely } from '../../src/index.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: pglite-writer.ts <dataDir>');
const db = createPgliteKysely({ dataDir });
try {
  await sql`CREATE TABLE IF NOT EXISTS acks (n integer PRIMARY KEY, body text NOT NULL)`.execute(
    db,
  );
  const start = await sql<{
    next: number;
  }>`SELECT coalesce(max(n), 0) + 1 AS next FROM acks`.execute(db);
  process.stdout.write(`ready ${process.pid}\n`);
  for (let n = start.rows[0]?.next ?? 1; ; n++) {
    await db.transaction().execute(async (trx) => {
      await sql`INSERT INTO acks (n, body) VALUES (${n}, ${`write ${n}`})`.execute(trx);
    });
    process.stdout.write(`ack ${n}\n`);
  }
} catch (error) {
  process.stdout.write(`error ${(error as Error).name}: ${(error as Error).message}\n`);
  process.exit(2);
}
