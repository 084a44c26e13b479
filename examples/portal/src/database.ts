import { mkdir } from 'node:fs/promises';
import {
  createPgliteKysely,
  createPostgresKysely,
  createSqlFileStore,
  createSqlStore,
  loadDirectory,
  migrate,
  type ReshaemDatabase,
  type SqlStore,
  saveDirectory,
} from '@reshaem/adapters-sql';
import type { FileStore } from '@reshaem/core';
import { type Kysely, sql } from 'kysely';
import type { PortalConfig } from './config.js';
import { portalDirectoryInput } from './seed/onf-world.js';

/** The portal's store and how to close the database under it. */
export interface PortalDatabase {
  store: SqlStore;
  /** Uploads, in the same database (a backup holds messages and files together). */
  files: FileStore;
  /** `true` when this start saved the demo directory into an empty database. */
  directorySeeded: boolean;
  close(): Promise<void>;
}

/** An arbitrary key: processes starting together save the directory one at a time. */
const DIRECTORY_LOCK = 7_310_023;

/** Saves the demo directory when the database has none; whether it did. */
async function seedDirectory(db: Kysely<ReshaemDatabase>): Promise<boolean> {
  const empty = async (on: Kysely<ReshaemDatabase>) =>
    (await loadDirectory(on)).organisations.length === 0;
  if (!(await empty(db))) return false;
  return db.connection().execute(async (session) => {
    // PostgreSQL may be shared by several portals starting at once; PGlite ignores the lock's
    // purpose (one process) but runs it all the same.
    await sql`SELECT pg_advisory_lock(${DIRECTORY_LOCK})`.execute(session);
    try {
      if (!(await empty(session))) return false;
      await saveDirectory(session, portalDirectoryInput);
      return true;
    } finally {
      await sql`SELECT pg_advisory_unlock(${DIRECTORY_LOCK})`.execute(session);
    }
  });
}

/**
 * Opens the database — PGlite in `dataDir` (in memory for `null`), or the PostgreSQL server
 * of `postgres`, which several portal processes may share — brings the schema up to date,
 * saves the demo directory — the ПОС and ОНФ organisations, users, catalogue — when the
 * database has none, and loads the directory back for the rules: the database, not the
 * code, is the source of truth once it exists.
 *
 * @example
 * const { store, close } = await openDatabase('./.data/portal');
 * const shared = await openDatabase(null, { url: 'postgres://…/reshaem' });
 */
export async function openDatabase(
  dataDir: string | null,
  postgres?: PortalConfig['postgres'],
): Promise<PortalDatabase> {
  if (dataDir !== null && !postgres) await mkdir(dataDir, { recursive: true });
  const db = postgres
    ? createPostgresKysely({
        connectionString: postgres.url,
        applicationName: 'reshaem-portal',
        ...(postgres.schema === undefined ? {} : { searchPath: postgres.schema }),
      })
    : createPgliteKysely(dataDir === null ? {} : { dataDir });
  try {
    await migrate(db);
    const directorySeeded = await seedDirectory(db);
    const directory = await loadDirectory(db);
    const store = await createSqlStore({ db, directory });
    return {
      store,
      files: createSqlFileStore({ db }),
      directorySeeded,
      async close() {
        await store.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
