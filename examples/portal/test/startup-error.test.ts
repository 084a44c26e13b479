/**
 * `npm start` on a data directory another process holds: one line saying so, exit 1.
 * Proven with a real portal process against a directory this test process holds, by the
 * lock file a PGlite opener writes (the lock itself is tested with real PGlite processes
 * in the SQL adapter; here a PGlite start-up would only slow the test down).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataDirectoryLockedError, LOCK_FILE_NAME } from '@reshaem/adapters-sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startupErrorLine } from '../src/startup-error.js';

const portalRoot = fileURLToPath(new URL('..', import.meta.url));

describe('start-up on a data directory in use', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'reshaem-portal-lock-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('names the directory and the holder in one line', () => {
    const error = new DataDirectoryLockedError('/srv/portal', {
      pid: 4242,
      host: 'web-1',
      since: '2025-01-15T11:18:00.000Z',
    });
    const line = startupErrorLine(error);
    expect(line).toContain('/srv/portal');
    expect(line).toContain('process 4242');
    expect(line).not.toContain('\n');
    expect(startupErrorLine(new Error('other'))).toBeNull();
  });

  it('a second `npm start` on the same directory says so and exits 1', async () => {
    const since = new Date().toISOString();
    const holder = { pid: process.pid, host: hostname(), since };
    await writeFile(join(dataDir, LOCK_FILE_NAME), JSON.stringify(holder));
    try {
      const child = spawn(
        process.execPath,
        ['--conditions=@reshaem/source', '--import', 'tsx', 'src/main.ts'],
        {
          cwd: portalRoot,
          env: { ...process.env, RESHAEM_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.stdout.resume();
      const code = await new Promise<number | null>((done) => child.once('exit', done));
      expect(code).toBe(1);
      const lines = stderr.split('\n').filter((line) => line.trim() !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`The data directory ${resolve(dataDir)} is in use`);
      expect(lines[0]).toContain(`process ${process.pid}`);
    } finally {
      await rm(join(dataDir, LOCK_FILE_NAME), { force: true });
    }
  });
});
