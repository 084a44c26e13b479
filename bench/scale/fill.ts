/**
 * The fill: template copies by server-side `INSERT … SELECT generate_series`, in id ranges,
 * with the secondary indexes dropped during the load and built afterwards (a sort per index
 * instead of a random insert per row), then the folder counts, their roll-up and number
 * counters the store keeps, derived from the rows, and the SLA summary rows (migration 013's backfill).
 */
import { performance } from 'node:perf_hooks';
import { migrations } from '@reshaem/adapters-sql';
import type pg from 'pg';
import { templateStatement } from './template-sql.js';
import type { Template } from './templates.js';

/** The tables the fill writes, emptied first. */
const tables = ['messages', 'message_history', 'timers', 'timer_log', 'outbox'];

/** ISO instants as the core writes them (`toISOString`). */
const isoFunction = `CREATE OR REPLACE FUNCTION iso(t timestamptz) RETURNS text IMMUTABLE
  LANGUAGE sql AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$`;

export interface FillResult {
  seconds: { load: number; indexes: number; derived: number };
  rows: Record<string, number>;
}

export async function fill(
  client: pg.Client,
  templates: Template[],
  size: number,
  refNow: string,
  progress: (line: string) => void,
): Promise<FillResult> {
  await client.query(
    `TRUNCATE ${tables.join(', ')}, folder_counts, folder_rollups, message_counters, message_indicators, idempotency_keys`,
  );
  await client.query(isoFunction);
  await client.query("SET maintenance_work_mem = '512MB'");
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables],
  );
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);

  const scale = templates.reduce((sum, t) => sum + t.life.weight, 0);
  const statements: string[] = [];
  let lo = 0;
  for (const t of templates) {
    statements.push(templateStatement(t, lo, lo + t.life.weight, scale, refNow));
    lo += t.life.weight;
  }
  const chunk = 50_000;
  let t0 = performance.now();
  for (let from = 1; from <= size; from += chunk) {
    const to = Math.min(size, from + chunk - 1);
    await client.query('BEGIN');
    for (const statement of statements) await client.query(statement, [from, to]);
    await client.query('COMMIT');
    const s = (performance.now() - t0) / 1000;
    progress(
      `${to.toLocaleString('en')} messages, ${s.toFixed(0)} s, ${Math.round(to / s).toLocaleString('en')} messages/s`,
    );
  }
  const load = (performance.now() - t0) / 1000;

  t0 = performance.now();
  for (const index of indexes) await client.query(index.def);
  const indexSeconds = (performance.now() - t0) / 1000;

  t0 = performance.now();
  await client.query(`INSERT INTO folder_counts (holding_org_id, received_org_id, operator_entered, folder, n)
    SELECT holding_org_id, received_org_id, channel = 'operator', folder, count(*)
    FROM messages GROUP BY 1, 2, 3, 4`);
  // The platform-wide roll-up, by migration 016's own back-fill (its last statement).
  const rollups = migrations.find((m) => m.name === '016-folder-rollups')?.statements.at(-1);
  if (rollups === undefined) throw new Error('migration 016 has no back-fill statement');
  await client.query(rollups);
  await client.query(`INSERT INTO message_counters (region_code, last_value)
    SELECT region_code, max(substring(number FROM '-([0-9]+)$')::bigint) FROM messages GROUP BY 1`);
  // The SLA summary rows, by migration 013's own backfill (its last statement).
  const indicators = migrations.find((m) => m.name === '013-message-indicators');
  const backfill = indicators?.statements.at(-1);
  if (backfill === undefined) throw new Error('migration 013 has no backfill statement');
  await client.query(backfill);
  for (const table of [...tables, 'folder_counts', 'folder_rollups', 'message_indicators']) {
    await client.query(`VACUUM ANALYZE ${table}`);
  }
  const derived = (performance.now() - t0) / 1000;

  const rows: Record<string, number> = {};
  for (const table of tables) {
    const { rows: r } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    rows[table] = Number(r[0]?.n ?? 0);
  }
  return { seconds: { load, indexes: indexSeconds, derived }, rows };
}
