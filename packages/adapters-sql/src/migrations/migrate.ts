import { type Kysely, sql } from 'kysely';
import type { ReshaemDatabase } from '../database.js';
import { initial } from './001-initial.js';
import { autoruleAndDeadlineSort } from './002-autorule-and-deadline-sort.js';
import { autorules } from './003-autorules.js';
import { cases } from './004-cases.js';
import { caseTimers } from './005-case-timers.js';
import { claimOrderAndTimerLog } from './006-claim-order-and-timer-log.js';
import { files } from './007-files.js';
import { definitionVersion } from './008-definition-version.js';
import { queues } from './009-queues.js';
import { exactReplays } from './010-exact-replays.js';
import { messageLocation } from './011-message-location.js';
import { messageNumbers } from './012-message-numbers.js';
import { messageIndicators } from './013-message-indicators.js';
import { scopeIndexColumns } from './014-scope-index-columns.js';
import { narrowListIndexes } from './015-narrow-list-indexes.js';
import { folderRollups } from './016-folder-rollups.js';
import { liveAndPhonedInLists } from './017-live-and-phoned-in-lists.js';
import { treeRollups } from './018-tree-rollups.js';
import { processedList } from './019-processed-list.js';
import type { Migration } from './migration.js';

/** Every schema step, oldest first. */
export const migrations: readonly Migration[] = [
  initial,
  autoruleAndDeadlineSort,
  autorules,
  cases,
  caseTimers,
  claimOrderAndTimerLog,
  files,
  definitionVersion,
  queues,
  exactReplays,
  messageLocation,
  messageNumbers,
  messageIndicators,
  scopeIndexColumns,
  narrowListIndexes,
  folderRollups,
  liveAndPhonedInLists,
  treeRollups,
  processedList,
];

/** What `migrate` did. */
export interface MigrationReport {
  /** Names of the steps this call applied (none when the schema was up to date). */
  applied: string[];
  /** The schema version now. */
  version: number;
}

/** An arbitrary constant naming reshaem's advisory locks (the other key is the schema). */
const LOCK_CLASS = 0x5e5a;

/**
 * Brings the schema (in the connection's current schema, the first of `search_path`) up to
 * date. Forward-only and safe to run again, and from several processes at once: all steps
 * run in one transaction under an advisory lock, so a second process waits, then finds
 * nothing left to do. A failed step rolls everything back.
 *
 * @example
 * const db = createPostgresKysely({ connectionString: process.env.DATABASE_URL });
 * await migrate(db); // { applied: ['001-initial'], version: 1 }, then { applied: [] … }
 */
export async function migrate<DB>(db: Kysely<DB>): Promise<MigrationReport> {
  const kysely = db as unknown as Kysely<ReshaemDatabase>;
  return kysely.transaction().execute(async (trx) => {
    // A migration may wait for another process's, and a step may rewrite a large table:
    // the store's session bounds (lock and statement timeouts) are not meant for them.
    await sql`SET LOCAL lock_timeout = 0`.execute(trx);
    await sql`SET LOCAL statement_timeout = 0`.execute(trx);
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(LOCK_CLASS)}, hashtext(coalesce(current_schema(), '')))`.execute(
      trx,
    );
    await sql`CREATE TABLE IF NOT EXISTS reshaem_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
    const rows = await trx.selectFrom('reshaem_migrations').select('version').execute();
    const done = new Set(rows.map((r) => r.version));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await trx
        .insertInto('reshaem_migrations')
        .values({ version: migration.version, name: migration.name })
        .execute();
      applied.push(migration.name);
    }
    const version = Math.max(0, ...done, ...migrations.map((m) => m.version));
    return { applied, version };
  });
}
