import { mkdir } from 'node:fs/promises';
import {
  createPgliteKysely,
  createSqlFileStore,
  createSqlStore,
  loadDirectory,
  migrate,
  type SqlStore,
  saveDirectory,
} from '@reshaem/adapters-sql';
import type { FileStore } from '@reshaem/core';
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

/**
 * Opens PGlite (in `dataDir`, or in memory for `null`), brings the schema up to date,
 * saves the demo directory — the ПОС and ОНФ organisations, users, catalogue — when the database has none,
 * and loads the directory back for the rules: the database, not the code, is the source
 * of truth once it exists.
 *
 * @example
 * const { store, close } = await openDatabase('./.data/portal');
 */
export async function openDatabase(dataDir: string | null): Promise<PortalDatabase> {
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });
  const db = createPgliteKysely(dataDir === null ? {} : { dataDir });
  try {
    await migrate(db);
    let directory = await loadDirectory(db);
    const directorySeeded = directory.organisations.length === 0;
    if (directorySeeded) {
      await saveDirectory(db, portalDirectoryInput);
      directory = await loadDirectory(db);
    }
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
