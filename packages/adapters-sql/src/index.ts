export {
  type DataDirectoryHolder,
  DataDirectoryLockedError,
  LOCK_FILE_NAME,
} from './data-dir-lock.js';
export type * from './database.js';
export { loadDirectory, saveDirectory } from './directory.js';
export { type MigrationReport, migrate, migrations } from './migrations/migrate.js';
export type { Migration } from './migrations/migration.js';
export { createPgliteKysely, type PgliteKyselyOptions } from './pglite-kysely.js';
export {
  createPostgresKysely,
  type PostgresKyselyOptions,
  type PostgresSessionBounds,
} from './postgres-kysely.js';
export { DEFAULT_SESSION_BOUNDS } from './postgres-session.js';
export {
  createSqlStore,
  type SqlDatabase,
  type SqlStore,
  type SqlStoreOptions,
} from './store/create-sql-store.js';
export { loadAutorules, saveAutorules } from './store/kernel/autorules.js';
export {
  loadAnswerTemplates,
  loadNotifications,
  saveAnswerTemplates,
  saveNotifications,
} from './store/kernel/settings.js';
export {
  createSqlFileStore,
  FILE_CHUNK_BYTES,
  type SqlFileStoreOptions,
} from './store/kernel/sql-file-store.js';
