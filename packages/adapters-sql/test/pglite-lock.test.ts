/**
 * One process per PGlite data directory, proven with real processes: a writer child holds
 * the directory, a second opener is refused with the holder's pid, and after a `kill -9`
 * of the writer the next open is let in at once and finds every acknowledged write.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDirectory } from '../src/data-dir-lock.js';
import { createPgliteKysely, DataDirectoryLockedError, LOCK_FILE_NAME } from '../src/index.js';

const writerScript = fileURLToPath(new URL('./processes/pglite-writer.ts', import.meta.url));

interface Writer {
  child: ChildProcess;
  acks: number[];
  /** Resolves with the child's pid once it holds the directory. */
  ready: Promise<number>;
  /** Resolves when `count` more writes have been acknowledged. */
  acked(count: number): Promise<void>;
  exited: Promise<number | null>;
}

function startWriter(dataDir: string): Writer {
  const child = spawn(
    process.execPath,
    ['--conditions=@reshaem/source', '--import', 'tsx', writerScript, dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const acks: number[] = [];
  const waiting: { target: number; resolve: () => void }[] = [];
  let onReady: (pid: number) => void = () => {};
  let onFail: (error: Error) => void = () => {};
  const ready = new Promise<number>((res, rej) => {
    onReady = res;
    onFail = rej;
  });
  let buffered = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const [word, value] = line.split(' ');
      if (word === 'ready') onReady(Number(value));
      else if (word === 'ack') acks.push(Number(value));
      else onFail(new Error(`writer: ${line}`));
    }
    for (const w of waiting.filter((w) => acks.length >= w.target)) w.resolve();
  });
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  void exited.then(() => onFail(new Error('the writer exited before it was ready')));
  return {
    child,
    acks,
    ready,
    exited,
    acked: (count) =>
      new Promise((res) => {
        waiting.push({ target: acks.length + count, resolve: res });
      }),
  };
}

/** The first query opens the database (Kysely connects lazily). */
const open = <DB>(db: Kysely<DB>) => sql`SELECT 1`.execute(db);

describe('PGlite: one process per data directory', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'reshaem-lock-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  // Two PGlite start-ups (the writer's, with initdb, and the reopen): seconds each, up to a
  // minute together on a loaded CI machine.
  it('refuses a second process, and after kill -9 of the holder keeps every acknowledged write', {
    timeout: 120_000,
  }, async () => {
    const writer = startWriter(dataDir);
    let refusalMs = Number.NaN;
    try {
      const pid = await writer.ready;
      expect(pid).toBe(writer.child.pid);
      await writer.acked(20);

      // A second process on the same directory: refused at once, naming the directory and holder.
      const second = createPgliteKysely({ dataDir });
      const refusedAt = Date.now();
      const refusal = await open(second).then(
        () => null,
        (error: unknown) => error,
      );
      refusalMs = Date.now() - refusedAt;
      await second.destroy();
      expect(refusal).toBeInstanceOf(DataDirectoryLockedError);
      const locked = refusal as DataDirectoryLockedError;
      expect(locked.dataDir).toBe(resolve(dataDir));
      expect(locked.holder).toMatchObject({ pid, host: hostname() });
      expect(locked.message).toContain(resolve(dataDir));
      expect(locked.message).toContain(`process ${pid}`);
      expect(refusalMs).toBeLessThan(3_000);

      // The holder carries on while refused, then dies in the middle of its writes.
      await writer.acked(50);
      writer.child.kill('SIGKILL');
      expect(await writer.exited).toBeNull();
    } finally {
      writer.child.kill('SIGKILL');
      await writer.exited;
    }
    const acknowledged = [...writer.acks];
    expect(acknowledged.length).toBeGreaterThanOrEqual(70);

    // The lock it left names a dead pid: the next open takes it over without waiting.
    const left = JSON.parse(await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8'));
    expect(left.pid).toBe(writer.child.pid);
    const lockedAt = Date.now();
    const taken = await lockDataDirectory(dataDir);
    const takeOverMs = Date.now() - lockedAt;
    await taken.release();
    expect(takeOverMs).toBeLessThan(1_000);
    const reopened = createPgliteKysely({ dataDir });
    try {
      const reopenedAt = Date.now();
      const rows = await sql<{ n: number }>`SELECT n FROM acks ORDER BY n`.execute(reopened);
      // PGlite's own start-up: seconds, more on a busy machine.
      const reopenMs = Date.now() - reopenedAt;
      const stored = new Set(rows.rows.map((r) => r.n));
      expect(acknowledged.filter((n) => !stored.has(n))).toEqual([]);
      console.info(
        `PGlite after kill -9: ${acknowledged.length} acknowledged writes, all present ` +
          `(${stored.size} stored); second open refused in ${refusalMs} ms; ` +
          `lock taken over in ${takeOverMs} ms; reopened in ${reopenMs} ms`,
      );
      const now = JSON.parse(await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8'));
      expect(now.pid).toBe(process.pid);
    } finally {
      await reopened.destroy();
    }
    // Released on destroy: the file is gone and the next open is let in.
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a second Kysely on the same directory in this process, until the first is destroyed', async () => {
    const first = createPgliteKysely({ dataDir });
    await open(first);
    const second = createPgliteKysely({ dataDir: `${dataDir}/.` });
    await expect(open(second)).rejects.toMatchObject({
      name: 'DataDirectoryLockedError',
      holder: { pid: process.pid },
    });
    await second.destroy();
    await first.destroy();
    const third = createPgliteKysely({ dataDir });
    await expect(open(third)).resolves.toBeDefined();
    await third.destroy();
  });
});

describe('the data directory lock file', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'reshaem-lockfile-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const writeHolder = (holder: object, ageMs: number) => {
    const path = join(dataDir, LOCK_FILE_NAME);
    return writeFile(path, JSON.stringify(holder)).then(() => {
      const then = new Date(Date.now() - ageMs);
      return utimes(path, then, then);
    });
  };

  it('refuses a live holder on another host, and takes over once its heartbeat has stopped', async () => {
    const elsewhere = { pid: 1, host: 'another-host', since: '2025-01-15T11:18:00.000Z' };
    await writeHolder(elsewhere, 1_000);
    await expect(lockDataDirectory(dataDir)).rejects.toMatchObject({ holder: elsewhere });
    await writeHolder(elsewhere, 60_000);
    const lock = await lockDataDirectory(dataDir);
    await lock.release();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('keeps a live holder on this host however old its file, and replaces an unreadable one', async () => {
    // The parent of this test process is alive; its lock stays even when not touched lately.
    await writeHolder({ pid: process.ppid, host: hostname(), since: 'then' }, 3_600_000);
    await expect(lockDataDirectory(dataDir)).rejects.toBeInstanceOf(DataDirectoryLockedError);
    await writeFile(join(dataDir, LOCK_FILE_NAME), '{"pid":');
    await utimes(join(dataDir, LOCK_FILE_NAME), new Date(0), new Date(0));
    const lock = await lockDataDirectory(dataDir);
    await lock.release();
  });

  it('lets one of two opens racing in this process in, and refuses the other', async () => {
    const results = await Promise.allSettled([
      lockDataDirectory(dataDir),
      lockDataDirectory(dataDir),
    ]);
    const taken = results.filter((r) => r.status === 'fulfilled');
    expect(taken).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(
      DataDirectoryLockedError,
    );
    await (taken[0] as PromiseFulfilledResult<{ release(): Promise<void> }>).value.release();
  });

  it('takes over its own pid from before this process started (a container restarted)', async () => {
    const earlier = { pid: process.pid, host: hostname(), since: '2020-01-01T00:00:00.000Z' };
    await writeHolder(earlier, 0);
    const lock = await lockDataDirectory(dataDir);
    await lock.release();
    // Written in this process's life by another copy of the module: alive, refused.
    await writeHolder({ ...earlier, since: new Date().toISOString() }, 0);
    await expect(lockDataDirectory(dataDir)).rejects.toBeInstanceOf(DataDirectoryLockedError);
  });
});
