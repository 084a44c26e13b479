import { link, mkdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** The lock file a PGlite data directory holds while a process has it open. */
export const LOCK_FILE_NAME = 'reshaem.lock';

/** How often the holder touches its lock file, and when an untouched one counts as left over. */
const HEARTBEAT_MS = 2_000;
const STALE_MS = 10_000;

/** The process that holds a data directory, as its lock file records it. */
export interface DataDirectoryHolder {
  pid: number;
  host: string;
  /** When it opened the directory (ISO 8601). */
  since: string;
}

/**
 * A PGlite data directory is already open in another process (or twice in this one).
 * PGlite runs one single-user backend per process; two processes on one directory each
 * write over the other's pages, and acknowledged writes are lost. Stop the holder first.
 */
export class DataDirectoryLockedError extends Error {
  override readonly name = 'DataDirectoryLockedError';
  readonly code = 'RESHAEM_DATA_DIR_LOCKED';

  constructor(
    /** The data directory, as an absolute path. */
    readonly dataDir: string,
    /** Who holds it; `null` when its lock file could not be read. */
    readonly holder: DataDirectoryHolder | null,
  ) {
    const who =
      holder === null
        ? 'another process'
        : `process ${holder.pid} on ${holder.host} (since ${holder.since})`;
    super(
      `The PGlite data directory ${dataDir} is in use by ${who}; PGlite serves one process ` +
        'at a time',
    );
  }
}

/** A held data directory: `release` lets the next process in. */
export interface DataDirectoryLock {
  readonly dataDir: string;
  release(): Promise<void>;
}

/** Directories this process holds, so a second open here is refused like one from elsewhere. */
const heldHere = new Map<string, DataDirectoryHolder>();

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

async function readHolder(path: string): Promise<DataDirectoryHolder | null | 'gone'> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<DataDirectoryHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since) };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists and belongs to another user.
    return errorCode(error) !== 'ESRCH';
  }
}

/**
 * Whether a lock file's holder is gone. On this host the process table says so at once
 * (a `kill -9` leaves a file whose pid is dead; our own pid in a file older than this
 * process is an earlier life of a container's pid 1). Another host cannot be asked: its lock counts as left over only
 * once its heartbeat has stopped for `STALE_MS`.
 */
async function isLeftOver(path: string, holder: DataDirectoryHolder | null): Promise<boolean> {
  if (holder !== null && holder.host === hostname()) {
    if (holder.pid !== process.pid) return !processAlive(holder.pid);
    // Our pid: an earlier life's lock if written before this process started.
    return Date.parse(holder.since) < Date.now() - process.uptime() * 1000;
  }
  try {
    return Date.now() - (await stat(path)).mtimeMs > STALE_MS;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return true;
    throw error;
  }
}

/**
 * Takes the data directory for this process, or throws `DataDirectoryLockedError` naming the
 * holder. The lock file is written whole under a private name and linked into place, so the
 * link is the atomic test-and-set and a reader never sees half a record (the scheme of
 * PostgreSQL's `postmaster.pid`, plus a heartbeat for holders on other hosts). A lock left
 * by a killed process is taken over at once on the same host.
 */
export async function lockDataDirectory(dataDir: string): Promise<DataDirectoryLock> {
  const dir = resolve(dataDir);
  const own = heldHere.get(dir);
  if (own) throw new DataDirectoryLockedError(dir, own);
  const mine: DataDirectoryHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
  };
  // Claimed here before the first await, so that two opens in this process never race.
  heldHere.set(dir, mine);
  const path = join(dir, LOCK_FILE_NAME);
  const draft = join(dir, `${LOCK_FILE_NAME}.${process.pid}.${Date.now()}`);
  let taken = false;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(draft, `${JSON.stringify(mine)}\n`, { flush: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await link(draft, path);
        taken = true;
        return held(dir, path, mine);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      const holder = await readHolder(path);
      if (holder === 'gone') continue;
      if (!(await isLeftOver(path, holder))) throw new DataDirectoryLockedError(dir, holder);
      await unlink(path).catch((error: unknown) => {
        if (errorCode(error) !== 'ENOENT') throw error;
      });
    }
    throw new DataDirectoryLockedError(dir, null);
  } finally {
    if (!taken) heldHere.delete(dir);
    await unlink(draft).catch(() => undefined);
  }
}

function held(dir: string, path: string, mine: DataDirectoryHolder): DataDirectoryLock {
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  return {
    dataDir: dir,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      heldHere.delete(dir);
      const holder = await readHolder(path);
      // Remove only our own record: after an operator's manual clean-up it may be another's.
      if (holder !== 'gone' && holder?.pid === mine.pid && holder.since === mine.since) {
        await unlink(path).catch(() => undefined);
      }
    },
  };
}
