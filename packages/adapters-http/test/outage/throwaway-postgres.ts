/*
 * A PostgreSQL cluster of the test's own, in a temporary directory on a free loopback
 * port, so that a test may stop and restart it (never the shared one). PostgreSQL refuses
 * to run as root: as root, every binary runs as the `postgres` OS user.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The OS user that runs PostgreSQL when we are root (as in `.ci/run`). */
const OS_USER = process.env.RESHAEM_CI_PG_OS_USER ?? 'postgres';

const hasBinaries = (dir: string) =>
  ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)));

/** The PostgreSQL binaries: version 15 first, then the newest installed; `undefined` without. */
function findBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return ['15', ...versions].map((v) => join(root, v, 'bin')).find(hasBinaries);
}

const asRoot = process.getuid?.() === 0;
const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find(existsSync);

const osUserExists = () => {
  try {
    execFileSync('id', ['-u', OS_USER], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Where the binaries are, when this machine can run a throwaway cluster at all. */
export const postgresBinaries: string | undefined =
  asRoot && (runuser === undefined || !osUserExists()) ? undefined : findBinaries();

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  /** `pg_ctl start`, waiting until it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m <mode>` (immediate: the postmaster and every backend die at once). */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  /** Stops it if running and deletes its directory. */
  remove(): Promise<void>;
}

/**
 * Creates and starts a cluster of one's own (trust authentication, loopback only). It
 * keeps `synchronous_commit` on, so a commit it acknowledged is in the WAL before the
 * answer; `fsync` is off because only the server's processes die, never the machine.
 *
 * @example
 * const pg = await startThrowawayPostgres();
 * await pg.stop('immediate'); await pg.start();
 * await pg.remove();
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries;
  if (bin === undefined) throw new Error('no PostgreSQL binaries on this machine');
  const dir = await mkdtemp(join(tmpdir(), 'reshaem-outage-pg-'));
  const data = join(dir, 'data');
  const pgRun = (binary: string, args: string[]) =>
    asRoot && runuser
      ? run(runuser, ['-u', OS_USER, '--', join(bin, binary), ...args], { cwd: dir })
      : run(join(bin, binary), args, { cwd: dir });
  if (asRoot) {
    const { stdout } = await run('id', ['-u', OS_USER]);
    const { stdout: gid } = await run('id', ['-g', OS_USER]);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  await pgRun(
    'initdb',
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8'].concat(['--locale=C', '--no-sync']),
  );
  const port = await freePort();
  const settings = [
    'listen_addresses=127.0.0.1',
    `port=${port}`,
    `unix_socket_directories=${dir}`,
    'fsync=off',
    'full_page_writes=off',
  ];
  let running = false;
  const cluster: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      await pgRun(
        'pg_ctl',
        ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '30'].concat([
          '-o',
          settings.map((s) => `-c ${s}`).join(' '),
          'start',
        ]),
      );
      running = true;
    },
    async stop(mode = 'immediate') {
      await pgRun('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '20', 'stop']);
      running = false;
    },
    async remove() {
      if (running || existsSync(join(data, 'postmaster.pid'))) {
        await cluster.stop('immediate').catch(() => {});
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}
