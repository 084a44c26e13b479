import { performance } from 'node:perf_hooks';
import { createPostgresKysely, createSqlStore, migrate } from '@reshaem/adapters-sql';
import { sql } from 'kysely';
import pg from 'pg';
import { benchReads } from './sql/reads.js';
import { seedMessages } from './sql/seed.js';
import { benchTimers } from './sql/timers.js';
import {
  CLIENTS,
  directory,
  kept,
  log,
  ms,
  orgIds,
  SAMPLES,
  schema,
  TOTAL,
  url,
  WRITE_SECONDS,
} from './sql/world.js';
import { benchWrites } from './sql/writes.js';

async function main() {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const db = createPostgresKysely({
    connectionString: url ?? '',
    searchPath: schema,
    max: CLIENTS,
  });
  const pool = new pg.Pool({
    connectionString: url,
    max: CLIENTS,
    options: `-c search_path=${schema}`,
  });
  try {
    const version = await admin.query<{ v: string }>('SELECT version() AS v');
    log(`reshaem SQL store bench — ${version.rows[0]?.v.split(',')[0]}, schema ${schema}`);
    await migrate(db);
    const store = await createSqlStore({ db, directory });
    let t0 = performance.now();
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::integer AS n FROM messages WHERE id LIKE 'b-%'`.execute(db);
    if ((rows[0]?.n ?? 0) >= TOTAL) {
      log(`\nreusing the ${TOTAL.toLocaleString('en')} messages of schema ${schema}`);
    } else {
      log(`\nseeding ${TOTAL.toLocaleString('en')} messages (${orgIds.length} organisations)…`);
      await sql`TRUNCATE messages, message_history, folder_counts, message_indicators`.execute(db);
      await seedMessages(db, TOTAL);
      log(`  done in ${(ms(t0) / 1000).toFixed(1)} s`);
    }

    log(`\n1. writes: ${CLIENTS} concurrent clients, ${WRITE_SECONDS} s each way`);
    await benchWrites(store, pool);

    log(`\n2. reads over ${TOTAL.toLocaleString('en')} messages, ${SAMPLES} samples per viewer`);
    await benchReads(store);

    log('\n3. timers');
    t0 = performance.now();
    await benchTimers(db);
    log(`  (timer section ${(ms(t0) / 1000).toFixed(1)} s)`);
  } finally {
    await pool.end();
    await db.destroy();
    if (!kept) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

await main();
