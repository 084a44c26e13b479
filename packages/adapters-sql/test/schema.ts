import { type Kysely, sql } from 'kysely';
import { migrations, type ReshaemDatabase } from '../src/index.js';

export const latest = Math.max(...migrations.map((m) => m.version));
export const names = migrations.map((m) => m.name);

export async function tablesOf(db: Kysely<ReshaemDatabase>) {
  const { rows } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() ORDER BY table_name`.execute(db);
  return rows.map((r) => r.name);
}

export const expectedTables = [
  'autorules',
  'case_history',
  'cases',
  'categories',
  'directory_settings',
  'facts',
  'file_chunks',
  'files',
  'folder_counts',
  'folder_rollups',
  'idempotency_keys',
  'message_counters',
  'message_history',
  'message_indicators',
  'messages',
  'organisation_settings',
  'organisations',
  'outbox',
  'reshaem_migrations',
  'subcategories',
  'timer_log',
  'timers',
  'tree_rollup_state',
  'tree_rollups',
  'tree_roots',
  'user_roles',
  'users',
];
