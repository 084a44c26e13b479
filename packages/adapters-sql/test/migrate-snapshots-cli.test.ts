import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directory, operatorSubmit } from '../../core/test/helpers.js';
import { runMigrateSnapshotsCli } from '../src/cli/migrate-snapshots-cli.js';
import { createSqlStore } from '../src/index.js';

/* The command's arguments and its answers; the kill -9 test runs it as a real process. */
function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('reshaem-migrate-snapshots', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('answers bad arguments with the usage and exit code 2, touching no database', async () => {
    for (const argv of [
      ['--bogus'],
      ['--batch-size', '0'],
      ['--workflow', './no-such-module.js'],
    ]) {
      const io = collect();
      expect(await runMigrateSnapshotsCli(argv, io.output)).toBe(2);
      expect(io.err.join('\n')).toContain('usage: reshaem-migrate-snapshots');
    }
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const io = collect();
      expect(await runMigrateSnapshotsCli([], io.output)).toBe(2);
      expect(io.err[0]).toContain('no database');
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });

  it('on a PGlite directory with the release workflow: prints the counts, migrates nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'reshaem-cli-'));
    dirs.push(dataDir);
    const store = await createSqlStore({ directory, db: { pglite: { dataDir } } });
    expect((await store.submit(operatorSubmit())).ok).toBe(true);
    await store.close();
    const io = collect();
    expect(await runMigrateSnapshotsCli(['--pglite', dataDir], io.output)).toBe(0);
    const last = JSON.parse(io.out.at(-1) ?? '{}') as Record<string, unknown>;
    expect(last).toEqual({
      done: { migrated: 0, skipped: 0, remaining: 0, failed: [], aborted: false },
      counts: [{ workflow: 'pos', version: 1, count: 1 }],
    });
  });
});
