/**
 * Runs every benchmark, one after the other in its own process so none disturbs another,
 * and prints each one's figures next to its baseline. The SQL benchmark needs a
 * PostgreSQL it may fill with a million rows, and so does the analytics one: they run only
 * when DATABASE_URL is set.
 *
 *   npm run bench
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const benches = [
  'core-apply.ts',
  'deadlines.ts',
  'onf.ts',
  'http.ts',
  'files.ts',
  'sql-store.ts',
  'analytics.ts',
];
const needsDatabase = new Set(['sql-store.ts', 'analytics.ts']);

for (const file of benches) {
  if (needsDatabase.has(file) && !process.env.DATABASE_URL) {
    console.log(`\n── ${file}: skipped (set DATABASE_URL to a PostgreSQL it may fill)`);
    continue;
  }
  console.log(`\n── ${file}`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=@reshaem/source', join(import.meta.dirname, file)],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) process.exitCode = 1;
}
