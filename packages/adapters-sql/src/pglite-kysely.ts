import type { PGlite, PGliteOptions } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { type DataDirectoryLock, lockDataDirectory } from './data-dir-lock.js';
import type { ReshaemDatabase } from './database.js';
import { queryPrepared } from './pglite-prepared.js';
import { HOT } from './prepared-pool.js';

export interface PgliteKyselyOptions {
  /**
   * Where PGlite keeps its files; in memory when absent. A directory survives restarts and
   * serves one process at a time (PGlite is a single-user database): the first query of a
   * second process — or a second Kysely in this one — on the same directory fails with
   * `DataDirectoryLockedError`. `db.destroy()` lets the next one in.
   */
  dataDir?: string;
  /** An open PGlite to use instead; you close it, not `kysely.destroy()`. */
  pglite?: PGlite;
  /** More PGlite options (extensions, …) for the instance created here. */
  options?: PGliteOptions;
}

/**
 * A pool over PGlite's one session. PGlite runs a single backend, so two transactions must
 * never interleave on it: `connect` hands the session out to one Kysely connection at a
 * time and queues the rest until `release`.
 *
 * Written here rather than taken from `kysely-pglite-dialect` (its peer range stops at
 * PGlite 0.4) or PGlite's own node-postgres shim (it needs `pg`, which production users
 * bring themselves and the embedded default should not): Kysely's `PostgresDialect`
 * needs nothing more than this.
 */
class PgliteSessionPool implements PostgresPool {
  #tail: Promise<void> = Promise.resolve();
  readonly #pglite: PGlite;
  readonly #owned: boolean;
  readonly #lock: DataDirectoryLock | undefined;

  constructor(pglite: PGlite, owned: boolean, lock?: DataDirectoryLock) {
    this.#pglite = pglite;
    this.#owned = owned;
    this.#lock = lock;
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => turn);
    await previous;
    const pglite = this.#pglite;
    let released = false;
    return {
      query: (async (text: string, parameters: ReadonlyArray<unknown>) => {
        if (text.startsWith(HOT)) return queryPrepared(pglite, text, parameters);
        const result = await pglite.query(text, [...parameters]);
        return {
          command: result.command,
          rowCount: result.rowCount ?? result.affectedRows ?? 0,
          rows: result.rows,
        };
      }) as PostgresPoolClient['query'],
      release: () => {
        if (released) return;
        released = true;
        release();
      },
    };
  }

  async end(): Promise<void> {
    await this.#tail;
    try {
      if (this.#owned) await this.#pglite.close();
    } finally {
      await this.#lock?.release();
    }
  }
}

/**
 * The directory on this machine's file system that a PGlite `dataDir` names (plain or
 * `file://`), read the way PGlite reads it; nothing for `memory://` or a browser's storage.
 */
function diskPath(dataDir: string | undefined): string | undefined {
  if (!dataDir) return undefined;
  if (dataDir.startsWith('file://')) return dataDir.slice('file://'.length) || undefined;
  return /^[a-z0-9-]+:\/\//.test(dataDir) ? undefined : dataDir;
}

/**
 * A Kysely over PGlite, the embedded PostgreSQL: nothing to install or run. In memory by
 * default (tests, demos), or in a data directory that survives restarts. Runs the same SQL
 * and migrations as PostgreSQL.
 *
 * @example
 * const db = createPgliteKysely({ dataDir: './.data/reshaem' });
 * await migrate(db);
 * const store = await createSqlStore({ db, directory });
 * // …
 * await db.destroy(); // closes PGlite and unlocks the directory
 *
 * // A second process on the same directory is refused at its first query:
 * // DataDirectoryLockedError: The PGlite data directory /srv/.data/reshaem is in use by
 * // process 4242 on web-1 (since 2025-01-15T11:18:00.000Z); PGlite serves one process at a time
 */
export function createPgliteKysely<DB = ReshaemDatabase>(
  options: PgliteKyselyOptions = {},
): Kysely<DB> {
  const pool = async (): Promise<PostgresPool> => {
    if (options.pglite) return new PgliteSessionPool(options.pglite, false);
    const { dataDir } = options;
    const path = diskPath(dataDir);
    // Before loading PGlite, so that a refusal comes at once.
    const lock = path === undefined ? undefined : await lockDataDirectory(path);
    try {
      const { PGlite } = await import('@electric-sql/pglite');
      const pglite = await PGlite.create({
        ...options.options,
        ...(dataDir === undefined ? {} : { dataDir }),
      });
      return new PgliteSessionPool(pglite, true, lock);
    } catch (error) {
      await lock?.release();
      throw error;
    }
  };
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
